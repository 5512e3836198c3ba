using Netpol.Core.Engine;

namespace Netpol.Analysis.Cni;

/// <summary>
/// A connection (matrix cell) on which the profiles compared do not all agree: one verdict per profile, in the
/// order the profiles were given (portable first).
/// </summary>
/// <param name="From">The row: a pod, workload or external address.</param>
/// <param name="To">The column.</param>
/// <param name="Probe">The probe, or null when cells list allowed ports.</param>
/// <param name="Verdicts">One per profile.</param>
public sealed record CniDifference(string From, string To, Probe? Probe, IReadOnlyList<CniVerdict> Verdicts);
