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
        (edge.Kind == GraphEdgeKind.Denied ? "denied " : string.Empty) + Ports(edge.Ports) + (edge.Partial ? " ~" : string.Empty) + (edge.CniDiffers ? " *" : string.Empty);

    /// <summary>
    /// With <c>--cni NAME</c>: the plugin and the cluster policies it ignores, then each edge that differs from portable
    /// (<c>FROM -> TO  cilium: 8080/TCP  portable: none</c>) and each edge only portable has, for text formats; then,
    /// with or without <c>--cni</c>, a note per pair of cluster policies whose order the API leaves undefined.
    /// </summary>
    public static IEnumerable<string> CniLines(GraphResult graph, bool portableOnlyDrawn = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        foreach (var line in PluginLines(graph, portableOnlyDrawn))
        {
            yield return line;
        }

        // Not about the plugin, but a note every format prints in the same place.
        foreach (var u in graph.UndefinedOrders)
        {
            yield return Text.UndefinedOrderText.Note(u);
        }
    }

    private static IEnumerable<string> PluginLines(GraphResult graph, bool portableOnlyDrawn)
    {
        if (graph.Cni is not { } cni)
        {
            yield break;
        }

        var titles = graph.Nodes.ToDictionary(n => n.Id, Title, StringComparer.Ordinal);
        var rows = graph.Edges.Where(e => e.CniDiffers)
            .Select(e => (Edge: $"{titles[e.From]} {(e.Kind == GraphEdgeKind.Denied ? "-x" : "->")} {titles[e.To]}", Text: $"{cni}: {(e.Kind == GraphEdgeKind.Denied ? "denied " : string.Empty)}{Ports(e.Ports)}  portable: {PortsOrNone(e.PortablePorts)}"))
            .Concat(graph.PortableOnlyEdges.Select(e => (Edge: $"{titles[e.From]} -> {titles[e.To]}", Text: $"{cni}: none  portable: {Ports(e.Ports)} ({(portableOnlyDrawn ? "drawn dotted" : "not drawn")})")))
            .ToList();
        var ignores = new List<string>();
        if (graph.IgnoredClusterPolicies.Count > 0)
        {
            ignores.Add($"ignores {string.Join(", ", graph.IgnoredClusterPolicies)}");
        }

        if (graph.CniWithoutSctp)
        {
            ignores.Add("carries no SCTP, left out of every edge and not marked");
        }

        var ignored = ignores.Count == 0 ? string.Empty : $" ({string.Join("; ", ignores)})";
        yield return rows.Count == 0
            ? $"network plugin {cni}{ignored}: every edge drawn is the same as portable"
            : $"network plugin {cni}{ignored}: {rows.Count} edge{(rows.Count == 1 ? string.Empty : "s")} differ{(rows.Count == 1 ? "s" : string.Empty)} from portable (marked *):";
        var width = rows.Select(r => r.Edge.Length).DefaultIfEmpty(0).Max();
        foreach (var (edge, text) in rows)
        {
            yield return $"  {edge.PadRight(width)}  {text}";
        }
    }

    private static string PortsOrNone(PortSet? ports) => ports is null || ports.IsEmpty ? "none" : Ports(ports);

    /// <summary>A node's full name for flat formats: <c>ns/deploy/web</c>, or the external label.</summary>
    public static string Title(GraphNode node) => node.Namespace is null || node.Kind == GraphNodeKind.Namespace ? node.Label : $"{node.Namespace}/{node.Label}";

    /// <summary>The replica note under a node's name: <c>↻ 9300/TCP</c> (what replicas may use between them).</summary>
    public static string? Self(GraphNode node) => node.SelfPorts is { } p ? (p.IsEmpty ? "↻ none" : "↻ " + Ports(p)) : null;
}
