using Netpol.Core.Model;

namespace Netpol.Analysis.Graph;

/// <summary>
/// A flow from one node to another on <see cref="Ports"/>: for allowed edges, the ports some pod pair may use
/// (merged over the nodes' pods); <see cref="Partial"/> when not every pod pair gets all of them. For denied edges,
/// the ports the destination serves that the source may not use.
/// </summary>
public sealed record GraphEdge(string From, string To, PortSet Ports, GraphEdgeKind Kind, bool Partial = false);
