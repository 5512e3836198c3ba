using Netpol.Core.Engine;

namespace Netpol.Analysis.Cni;

/// <summary>
/// <c>netpol matrix --cni all</c>: the connections on which the network plugin profiles do not all agree.
/// </summary>
/// <param name="Profiles">The profiles compared, portable first (the order of each difference's verdicts).</param>
/// <param name="Probes">The probes (none: allowed ports were compared).</param>
/// <param name="Pairs">How many (row, column) pairs were compared.</param>
/// <param name="Differences">The disagreements, in matrix order.</param>
public sealed record CniMatrixResult(IReadOnlyList<string> Profiles, IReadOnlyList<Probe> Probes, int Pairs, IReadOnlyList<CniDifference> Differences);
