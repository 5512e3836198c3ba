using Netpol.Core.Model;

namespace Netpol.Analysis.Graph;

/// <summary>
/// A flow from one node to another on <see cref="Ports"/>: for allowed edges, the ports some pod pair may use
/// (merged over the nodes' pods); <see cref="Partial"/> when not every pod pair gets all of them. For denied edges,
/// the ports the destination serves that the source may not use.
/// </summary>
public sealed record GraphEdge(string From, string To, PortSet Ports, GraphEdgeKind Kind, bool Partial = false)
{
    /// <summary>
    /// With <c>--cni NAME</c>: true when the plugin's ports on this edge differ from portable's (including an edge
    /// portable does not have, or, in <see cref="GraphResult.PortableOnlyEdges"/>, one the plugin does not have).
    /// </summary>
    public bool CniDiffers { get; init; }

    /// <summary>With <see cref="CniDiffers"/>: the ports of the same edge under portable semantics (empty: no such edge).</summary>
    public PortSet? PortablePorts { get; init; }
}
