namespace Netpol.Analysis.Diff;

/// <summary>
/// One change of a modified cluster network policy. <see cref="Field"/> is a field path as written in YAML:
/// <c>spec.tier</c>, <c>spec.priority</c>, <c>spec.subject</c>, a rule (<c>spec.ingress[2]</c>, at its head index;
/// at its base index when removed) or a part of a rule (<c>spec.ingress[0].action</c>, <c>.from</c>, <c>.to</c>,
/// <c>.protocols</c>, <c>.ports</c> for the legacy kinds, <c>.name</c>).
/// </summary>
/// <param name="Field">The field path.</param>
/// <param name="Kind">Changed, added, removed or moved.</param>
/// <param name="Before">The base value in words (null for an added rule); for a move, the base position.</param>
/// <param name="After">The head value in words (null for a removed rule); for a move, the head position.</param>
/// <param name="RuleName">The rule's name, when the change is about a named rule.</param>
public sealed record ClusterPolicyFieldChange(string Field, ClusterPolicyChangeKind Kind, string? Before, string? After, string? RuleName = null);
