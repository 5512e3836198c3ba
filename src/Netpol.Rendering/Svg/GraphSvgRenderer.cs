using System.Globalization;
using System.Security;
using Netpol.Analysis.Graph;
using Netpol.Rendering.Graph;

namespace Netpol.Rendering.Svg;

/// <summary>
/// <c>netpol graph -o svg</c>: the ASCII picture's layered layout scaled to pixels (no external <c>dot</c>): namespace
/// frames, node boxes, orthogonal arrows with port labels; readable on light and dark backgrounds.
/// </summary>
public static class GraphSvgRenderer
{
    /// <summary>A grid column in pixels.</summary>
    public const int CellWidth = 8;

    /// <summary>A grid row in pixels.</summary>
    public const int CellHeight = 18;

    /// <summary>The widest layout the SVG accepts, in grid columns (wider graphs are listed as text).</summary>
    public const int MaxColumns = 240;

    /// <summary>Writes the SVG document; too large a graph becomes an SVG holding the edge list.</summary>
    public static void Write(GraphResult graph, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(w);
        var layout = LayeredLayout.Compute(graph, MaxColumns);
        if (layout is null)
        {
            WriteList(graph, w);
            return;
        }

        // With --cni, the differences from portable are listed under the picture.
        var notes = GraphLabels.CniLines(graph).ToList();
        var width = Math.Max((layout.Width * CellWidth) + 16, notes.Select(l => (l.Length * CellWidth) + 16).DefaultIfEmpty(0).Max());
        var height = (layout.Height * CellHeight) + 16 + (notes.Count * CellHeight);
        Header(w, width, height, graph.Cni is not null);
        w.WriteLine("<g transform=\"translate(8,8)\">");
        foreach (var f in layout.Frames)
        {
            w.WriteLine($"<rect class=\"ns\" x=\"{X(f.X)}\" y=\"{Y(f.Y)}\" width=\"{(f.Width - 1) * CellWidth}\" height=\"{(f.Height - 1) * CellHeight}\" rx=\"8\"/>");
            w.WriteLine($"<text class=\"nsname\" x=\"{X(f.X + 2)}\" y=\"{Y(f.Y) + 4}\">{E(f.Namespace)}</text>");
        }

        foreach (var b in layout.Boxes)
        {
            var kind = b.Node.Kind.ToString().ToLowerInvariant();
            w.WriteLine($"<g class=\"node {kind}\" data-id=\"{E(b.Node.Id)}\"><title>{E(GraphLabels.Title(b.Node))}</title>");
            w.WriteLine($"<rect x=\"{X(b.X)}\" y=\"{Y(b.Y)}\" width=\"{(b.Width - 1) * CellWidth}\" height=\"{(b.Height - 1) * CellHeight}\" rx=\"4\"/>");
            for (var i = 0; i < b.Lines.Count; i++)
            {
                w.WriteLine($"<text x=\"{X(b.X + 2)}\" y=\"{Y(b.Y + 1 + i) + 4}\">{E(b.Lines[i])}</text>");
            }

            w.WriteLine("</g>");
        }

        foreach (var p in layout.Paths)
        {
            var kind = p.Edge.Kind.ToString().ToLowerInvariant() + (p.Edge.CniDiffers ? " cni" : string.Empty);
            var points = string.Join(" ", p.Points.Select(q => $"{X(q.X)},{Y(q.Y)}"));
            w.WriteLine($"<g class=\"edge {kind}\"><title>{E(p.Edge.From)} -> {E(p.Edge.To)}: {E(p.Label)}</title>");
            w.WriteLine($"<polyline points=\"{points}\" marker-end=\"url(#{(p.Edge.Kind == GraphEdgeKind.Denied ? "head-denied" : "head")})\"/>");
            w.WriteLine($"<text x=\"{X(p.LabelX)}\" y=\"{Y(p.LabelY) + 4}\">{E(p.Label)}</text>");
            w.WriteLine("</g>");
        }

        w.WriteLine("</g>");
        for (var i = 0; i < notes.Count; i++)
        {
            w.WriteLine($"<text class=\"list\" x=\"8\" y=\"{8 + Y(layout.Height + i) + 4}\" xml:space=\"preserve\">{E(notes[i])}</text>");
        }

        w.WriteLine("</svg>");
    }

    private static void WriteList(GraphResult graph, TextWriter w)
    {
        var sw = new StringWriter { NewLine = "\n" };
        Text.GraphAsciiRenderer.WriteList(graph, sw, "too many nodes or edges for a picture: edges listed instead");
        var lines = sw.ToString().TrimEnd('\n').Split('\n');
        var width = (lines.Max(l => l.Length) * CellWidth) + 16;
        Header(w, width, (lines.Length * CellHeight) + 16, graph.Cni is not null);
        for (var i = 0; i < lines.Length; i++)
        {
            w.WriteLine($"<text class=\"list\" x=\"8\" y=\"{8 + Y(i) + 4}\" xml:space=\"preserve\">{E(lines[i])}</text>");
        }

        w.WriteLine("</svg>");
    }

    private static void Header(TextWriter w, int width, int height, bool cni = false)
    {
        w.WriteLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"ui-monospace, Menlo, Consolas, monospace\" font-size=\"12\">");
        w.WriteLine("<style>");
        w.WriteLine("svg{--fg:#1a202c;--bg:#ffffff;--box:#f7fafc;--ns:#718096;--ok:#2f855a;--no:#c53030;--ext:#fff4e0;--dns:#e8f4ff}");
        w.WriteLine("@media (prefers-color-scheme: dark){svg{--fg:#e2e8f0;--bg:#1a202c;--box:#2d3748;--ns:#a0aec0;--ok:#68d391;--no:#fc8181;--ext:#4a3b1f;--dns:#1e3a5f}}");
        w.WriteLine(".bg{fill:var(--bg)} text{fill:var(--fg)} .ns{fill:none;stroke:var(--ns);stroke-dasharray:6 4} .nsname{fill:var(--ns);font-weight:bold;paint-order:stroke;stroke:var(--bg);stroke-width:6px}");
        w.WriteLine(".node rect{fill:var(--box);stroke:var(--fg)} .external rect{fill:var(--ext)} .dns rect{fill:var(--dns)}");
        w.WriteLine(".edge polyline{fill:none;stroke:var(--ok);stroke-width:1.5} .edge text{fill:var(--ok);paint-order:stroke;stroke:var(--bg);stroke-width:4px}");
        w.WriteLine(".denied polyline{stroke:var(--no);stroke-dasharray:5 4} .denied text{fill:var(--no)} .open polyline{stroke:var(--ns)} .open text{fill:var(--ns)}");
        w.WriteLine("#head path{fill:var(--ok)} #head-denied path{fill:var(--no)}");
        if (cni)
        {
            w.WriteLine(".cni polyline{stroke:#dd6b20;stroke-width:3} .cni text{fill:#dd6b20}");
        }

        w.WriteLine("</style>");
        w.WriteLine("<defs>");
        w.WriteLine("<marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker>");
        w.WriteLine("<marker id=\"head-denied\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker>");
        w.WriteLine("</defs>");
        w.WriteLine($"<rect class=\"bg\" width=\"{width}\" height=\"{height}\"/>");
    }

    private static string X(int column) => ((column * CellWidth) + (CellWidth / 2)).ToString(CultureInfo.InvariantCulture);

    private static int Y(int row) => (row * CellHeight) + (CellHeight / 2);

    private static string E(string s) => SecurityElement.Escape(s);
}
