namespace Netpol.Analysis.Graph;

/// <summary>
/// The graph: namespaces in order, nodes sorted by namespace then id (external and DNS stand-in nodes last), and
/// edges sorted by source, destination and kind.
/// </summary>
public sealed record GraphResult(GraphGrouping By, IReadOnlyList<string> Namespaces, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    /// <summary>How many open edges were left out (their ends are not isolated: every port passes).</summary>
    public int HiddenOpenEdges { get; init; }

    /// <summary>The network plugin profile the graph is drawn for (<c>--cni NAME</c>), or null for portable semantics.</summary>
    public string? Cni { get; init; }

    /// <summary>
    /// With <see cref="Cni"/>: true when the plugin carries no SCTP, so no edge has SCTP ports; that alone does not mark
    /// an edge as differing.
    /// </summary>
    public bool CniWithoutSctp { get; init; }

    /// <summary>
    /// With <see cref="Cni"/>: the allowed edges portable draws that the plugin does not have at all, with portable's
    /// ports (<see cref="GraphEdge.CniDiffers"/> set). They are not part of <see cref="Edges"/>.
    /// </summary>
    public IReadOnlyList<GraphEdge> PortableOnlyEdges { get; init; } = [];

    /// <summary>With <see cref="Cni"/>: the cluster network policies the plugin ignores (<c>cnp/NAME</c>), in evaluation order.</summary>
    public IReadOnlyList<string> IgnoredClusterPolicies { get; init; } = [];

    /// <summary>
    /// Pairs of cluster network policies of one tier and priority that decide some connection differently: the edges
    /// apply netpol's tie-break (kind, then name) where the API leaves the order undefined. One sentence each.
    /// </summary>
    public IReadOnlyList<string> UndefinedOrders { get; init; } = [];

    /// <summary>The open edges left out (for comparing profiles: an open edge that differs is drawn after all).</summary>
    internal IReadOnlyList<GraphEdge> HiddenOpen { get; init; } = [];

    /// <summary>The external nodes left out because nothing drawn reaches them (for comparing profiles).</summary>
    internal IReadOnlyList<GraphNode> HiddenNodes { get; init; } = [];
}
