using Netpol.Analysis.Graph;
using Netpol.Core.Model;

namespace Netpol.Rendering.Graph;

/// <summary>The words every graph format shares: edge labels such as <c>80,443/TCP 53/UDP</c>, node titles.</summary>
internal static class GraphLabels
{
    /// <summary>
    /// Ports grouped by protocol: <c>8080/TCP</c>, <c>80,443/TCP</c>, <c>8000-8100/TCP 53/UDP</c>; every port of a
    /// protocol is <c>*/TCP</c>; every port of every protocol is <c>all</c>.
    /// </summary>
    public static string Ports(PortSet ports)
    {
        if (ports.IsAll)
        {
            return "all";
        }

        return string.Join(" ", ports.Ranges.GroupBy(r => r.Protocol).Select(g =>
            string.Join(",", g.Select(r => r.Start == PortRange.MinPort && r.End == PortRange.MaxPort ? "*" : r.Start == r.End ? $"{r.Start}" : $"{r.Start}-{r.End}")) + "/" + g.Key));
    }

    /// <summary>An edge's label: its ports, <c>~</c> when only some pod pairs get them, <c>denied</c> first for blocked flows.</summary>
    public static string Edge(GraphEdge edge) =>
        (edge.Kind == GraphEdgeKind.Denied ? "denied " : string.Empty) + Ports(edge.Ports) + (edge.Partial ? " ~" : string.Empty);

    /// <summary>A node's full name for flat formats: <c>ns/deploy/web</c>, or the external label.</summary>
    public static string Title(GraphNode node) => node.Namespace is null || node.Kind == GraphNodeKind.Namespace ? node.Label : $"{node.Namespace}/{node.Label}";

    /// <summary>The replica note under a node's name: <c>↻ 9300/TCP</c> (what replicas may use between them).</summary>
    public static string? Self(GraphNode node) => node.SelfPorts is { } p ? (p.IsEmpty ? "↻ none" : "↻ " + Ports(p)) : null;
}
