namespace Netpol.Analysis.Graph;

/// <summary>
/// The graph: namespaces in order, nodes sorted by namespace then id (external and DNS stand-in nodes last), and
/// edges sorted by source, destination and kind.
/// </summary>
public sealed record GraphResult(GraphGrouping By, IReadOnlyList<string> Namespaces, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    /// <summary>How many open edges were left out (their ends are not isolated: every port passes).</summary>
    public int HiddenOpenEdges { get; init; }
}
