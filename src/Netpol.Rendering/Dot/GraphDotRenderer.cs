using Netpol.Analysis.Graph;
using Netpol.Rendering.Graph;

namespace Netpol.Rendering.Dot;

/// <summary>
/// <c>netpol graph -o dot</c>: a Graphviz digraph with a cluster per namespace; allowed edges solid, expected but
/// denied ones dashed red, external ipBlocks as hexagons, cluster DNS as an ellipse. With <c>--cni NAME</c>, edges that
/// differ from portable are thick orange (tooltip: portable's ports) and portable's edges the plugin lacks dotted grey.
/// </summary>
public static class GraphDotRenderer
{
    /// <summary>Writes the digraph.</summary>
    public static void Write(GraphResult graph, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine("digraph netpol {");
        foreach (var line in GraphLabels.CniLines(graph, portableOnlyDrawn: true))
        {
            w.WriteLine($"  // {line.Trim()}");
        }

        w.WriteLine("  rankdir=LR;");
        w.WriteLine("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];");
        w.WriteLine("  edge [fontname=\"Helvetica\", fontsize=10];");
        var cluster = 0;
        foreach (var ns in graph.Namespaces)
        {
            var members = graph.Nodes.Where(n => n.Namespace == ns && n.Kind != GraphNodeKind.Namespace).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            w.WriteLine($"  subgraph cluster_{cluster++} {{");
            w.WriteLine($"    label={Quote(ns)};");
            w.WriteLine("    style=\"rounded,dashed\";");
            foreach (var n in members)
            {
                w.WriteLine($"    {Quote(n.Id)} [{Attributes(n)}];");
            }

            w.WriteLine("  }");
        }

        foreach (var n in graph.Nodes.Where(n => n.Namespace is null || n.Kind == GraphNodeKind.Namespace))
        {
            w.WriteLine($"  {Quote(n.Id)} [{Attributes(n)}];");
        }

        foreach (var e in graph.Edges)
        {
            var style = e.Kind == GraphEdgeKind.Denied ? ", style=dashed, color=\"#c53030\", fontcolor=\"#c53030\"" : string.Empty;
            if (e.CniDiffers)
            {
                // Differs from portable under --cni: a thick orange edge whose tooltip says what portable allows.
                style += $", penwidth=2, color=\"#dd6b20\", fontcolor=\"#dd6b20\", tooltip={Quote($"portable: {(e.PortablePorts is { IsEmpty: false } p ? GraphLabels.Ports(p) : "none")}")}";
            }

            w.WriteLine($"  {Quote(e.From)} -> {Quote(e.To)} [label={Quote(GraphLabels.Edge(e))}{style}];");
        }

        foreach (var e in graph.PortableOnlyEdges)
        {
            w.WriteLine($"  {Quote(e.From)} -> {Quote(e.To)} [label={Quote($"portable only: {GraphLabels.Ports(e.Ports)}")}, style=dotted, color=\"#a0aec0\", fontcolor=\"#a0aec0\"];");
        }

        foreach (var n in graph.Nodes.Where(n => n.SelfPorts is not null))
        {
            w.WriteLine($"  {Quote(n.Id)} -> {Quote(n.Id)} [label={Quote(GraphLabels.Ports(n.SelfPorts!))}];");
        }

        w.WriteLine("}");
    }

    private static string Attributes(GraphNode n)
    {
        var label = $"label={Quote(n.Label)}";
        return n.Kind switch
        {
            GraphNodeKind.External => $"{label}, shape=hexagon, fillcolor=\"#fff4e0\"",
            GraphNodeKind.Dns => $"{label}, shape=ellipse, fillcolor=\"#e8f4ff\"",
            _ => label,
        };
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
