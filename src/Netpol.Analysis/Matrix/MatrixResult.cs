using Netpol.Analysis.Cni;
using Netpol.Core.Engine;

namespace Netpol.Analysis.Matrix;

/// <summary>The connectivity matrix: endpoints in order and one cell per (from, to, probe).</summary>
public sealed record MatrixResult(IReadOnlyList<MatrixEndpoint> Endpoints, IReadOnlyList<Probe> Probes, IReadOnlyList<MatrixCell> Cells)
{
    /// <summary>The network plugin profile the cells answer for (<c>--cni</c>); null for upstream semantics.</summary>
    public string? Cni { get; init; }

    /// <summary>Under a plugin profile, the cells whose verdict differs from upstream semantics, in cell order.</summary>
    public IReadOnlyList<CniDifference> Differences { get; init; } = [];

    /// <summary>
    /// Pairs of cluster network policies of one tier and priority that decide some connection differently: the API
    /// leaves their order undefined, and the cells apply netpol's tie-break (kind, then name). One sentence each.
    /// </summary>
    public IReadOnlyList<string> UndefinedOrders { get; init; } = [];
}
