using System.Text;
using Netpol.Analysis.Graph;
using Netpol.Rendering.Graph;

namespace Netpol.Rendering.Mermaid;

/// <summary>
/// <c>netpol graph -o mermaid</c>: a Mermaid flowchart (GitHub renders it in Markdown) with a subgraph per
/// namespace, allowed edges as solid arrows and expected-but-denied ones as dotted arrows. With <c>--cni NAME</c>, edges
/// that differ from portable are thick orange and portable's edges the plugin lacks dotted grey.
/// </summary>
public static class GraphMermaidRenderer
{
    /// <summary>Writes the flowchart.</summary>
    public static void Write(GraphResult graph, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(w);
        var ids = graph.Nodes.Select((n, i) => (n.Id, Key: $"n{i}")).ToDictionary(x => x.Id, x => x.Key, StringComparer.Ordinal);
        w.WriteLine("flowchart LR");
        foreach (var ns in graph.Namespaces)
        {
            var members = graph.Nodes.Where(n => n.Namespace == ns && n.Kind != GraphNodeKind.Namespace).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            w.WriteLine($"  subgraph ns_{Safe(ns)}[\"{Escape(ns)}\"]");
            foreach (var n in members)
            {
                w.WriteLine($"    {ids[n.Id]}{Shape(n)}");
            }

            w.WriteLine("  end");
        }

        foreach (var n in graph.Nodes.Where(n => n.Namespace is null || n.Kind == GraphNodeKind.Namespace))
        {
            w.WriteLine($"  {ids[n.Id]}{Shape(n)}");
        }

        var denied = new List<int>();
        var differing = new List<int>();
        var index = 0;
        foreach (var e in graph.Edges)
        {
            var arrow = e.Kind == GraphEdgeKind.Denied ? "-.->" : "-->";
            w.WriteLine($"  {ids[e.From]} {arrow}|\"{Escape(GraphLabels.Edge(e))}\"| {ids[e.To]}");
            if (e.Kind == GraphEdgeKind.Denied)
            {
                denied.Add(index);
            }

            if (e.CniDiffers)
            {
                differing.Add(index);
            }

            index++;
        }

        var portableOnly = new List<int>();
        foreach (var e in graph.PortableOnlyEdges)
        {
            w.WriteLine($"  {ids[e.From]} -.->|\"{Escape($"portable only: {GraphLabels.Ports(e.Ports)}")}\"| {ids[e.To]}");
            portableOnly.Add(index++);
        }

        foreach (var n in graph.Nodes.Where(n => n.SelfPorts is not null))
        {
            w.WriteLine($"  {ids[n.Id]} -->|\"{Escape(GraphLabels.Ports(n.SelfPorts!))}\"| {ids[n.Id]}");
        }

        w.WriteLine("  classDef external fill:#fff4e0,stroke:#c77700");
        w.WriteLine("  classDef dns fill:#e8f4ff,stroke:#2b6cb0");
        Class(w, graph, ids, GraphNodeKind.External, "external");
        Class(w, graph, ids, GraphNodeKind.Dns, "dns");
        if (denied.Count > 0)
        {
            w.WriteLine($"  linkStyle {string.Join(",", denied)} stroke:#c53030,stroke-dasharray:4 3");
        }

        // The self loops come after the edges; index counts edges and portable-only edges only, so these stay right.
        if (differing.Count > 0)
        {
            w.WriteLine($"  linkStyle {string.Join(",", differing)} stroke:#dd6b20,stroke-width:3px");
        }

        if (portableOnly.Count > 0)
        {
            w.WriteLine($"  linkStyle {string.Join(",", portableOnly)} stroke:#a0aec0,stroke-dasharray:2 4");
        }

        foreach (var line in GraphLabels.CniLines(graph, portableOnlyDrawn: true))
        {
            w.WriteLine($"  %% {line.Trim()}");
        }
    }

    private static void Class(TextWriter w, GraphResult graph, Dictionary<string, string> ids, GraphNodeKind kind, string name)
    {
        var members = graph.Nodes.Where(n => n.Kind == kind).Select(n => ids[n.Id]).ToList();
        if (members.Count > 0)
        {
            w.WriteLine($"  class {string.Join(",", members)} {name}");
        }
    }

    private static string Shape(GraphNode n)
    {
        var label = Escape(n.Label);
        return n.Kind switch
        {
            GraphNodeKind.External => $"{{{{\"{label}\"}}}}",
            GraphNodeKind.Dns => $"([\"{label}\"])",
            _ => $"[\"{label}\"]",
        };
    }

    // Mermaid reads quotes and angle brackets in labels as markup: write them as entities.
    private static string Escape(string s) => s.Replace("\"", "#quot;", StringComparison.Ordinal).Replace("<", "#lt;", StringComparison.Ordinal).Replace(">", "#gt;", StringComparison.Ordinal);

    private static string Safe(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return sb.ToString();
    }
}
