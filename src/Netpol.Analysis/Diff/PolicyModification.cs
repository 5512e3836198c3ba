namespace Netpol.Analysis.Diff;

/// <summary>
/// A policy present on both sides whose meaning changed: <see cref="Fields"/> are the parts of the spec that differ,
/// among <c>spec.podSelector</c>, <c>spec.policyTypes</c>, <c>spec.ingress</c> and <c>spec.egress</c>.
/// </summary>
public sealed record PolicyModification(string Name, IReadOnlyList<string> Fields);
