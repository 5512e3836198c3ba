using System.Text;
using Netpol.Analysis.Graph;
using Netpol.Rendering.Graph;

namespace Netpol.Rendering.Text;

/// <summary>
/// <c>netpol graph -o ascii</c>: namespace frames, workload boxes and arrows labelled with ports, drawn with
/// box-drawing characters from the layered layout, then a legend. When the picture would be wider than the
/// terminal budget (or has too many nodes to read), a sorted edge list instead.
/// </summary>
public static class GraphAsciiRenderer
{
    /// <summary>The default width budget, in columns.</summary>
    public const int DefaultWidth = 100;

    private const int N = 1, E = 2, S = 4, W = 8;

    /// <summary>Writes the picture, or the edge list when it does not fit <paramref name="width"/> columns.</summary>
    public static void Write(GraphResult graph, TextWriter w, int width = DefaultWidth)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(w);
        if (graph.Nodes.Count == 0)
        {
            w.WriteLine("no pods to draw");
            return;
        }

        var layout = LayeredLayout.Compute(graph, width);
        if (layout is null)
        {
            WriteList(graph, w, $"the picture does not fit {width} columns ({graph.Nodes.Count} nodes, {graph.Edges.Count} edges): edges listed instead");
            return;
        }

        foreach (var line in Draw(layout))
        {
            w.WriteLine(line);
        }

        w.WriteLine();
        WriteLegend(graph, w);
    }

    /// <summary>The sorted edge list: <c>FROM -> TO  PORTS</c>, one line per edge, blocked flows marked.</summary>
    public static void WriteList(GraphResult graph, TextWriter w, string? heading = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(w);
        if (heading is not null)
        {
            w.WriteLine(heading);
        }

        var titles = graph.Nodes.ToDictionary(n => n.Id, GraphLabels.Title, StringComparer.Ordinal);
        var rows = graph.Edges
            .Select(e => (From: titles[e.From], To: titles[e.To], Arrow: e.Kind == GraphEdgeKind.Denied ? "-x" : "->", Label: GraphLabels.Edge(e)))
            .OrderBy(r => r.From, StringComparer.Ordinal)
            .ThenBy(r => r.To, StringComparer.Ordinal)
            .ToList();
        var fromWidth = rows.Select(r => r.From.Length).DefaultIfEmpty(0).Max();
        var toWidth = rows.Select(r => r.To.Length).DefaultIfEmpty(0).Max();
        foreach (var r in rows)
        {
            w.WriteLine($"{r.From.PadRight(fromWidth)} {r.Arrow} {r.To.PadRight(toWidth)}  {r.Label}".TrimEnd());
        }

        foreach (var node in graph.Nodes.Where(n => n.SelfPorts is not null))
        {
            w.WriteLine($"{GraphLabels.Title(node)} {GraphLabels.Self(node)} (between its pods)");
        }

        var lonely = graph.Nodes.Where(n => !graph.Edges.Any(e => e.From == n.Id || e.To == n.Id)).Select(GraphLabels.Title).ToList();
        if (lonely.Count > 0)
        {
            w.WriteLine($"no edges: {string.Join(", ", lonely)}");
        }

        w.WriteLine();
        WriteLegend(graph, w);
    }

    private static void WriteLegend(GraphResult graph, TextWriter w)
    {
        var parts = new List<string> { "──▶ allowed, labelled with its ports" };
        if (graph.Edges.Any(e => e.Kind == GraphEdgeKind.Denied))
        {
            parts.Add("┄┄▷ expected but denied");
        }

        if (graph.Edges.Any(e => e.Partial))
        {
            parts.Add("~ some pods only");
        }

        if (graph.Nodes.Any(n => n.SelfPorts is not null))
        {
            parts.Add("↻ between a workload's own pods");
        }

        if (graph.Edges.Any(e => e.CniDiffers))
        {
            parts.Add($"* differs from portable on {graph.Cni}");
        }

        w.WriteLine("legend: " + string.Join("; ", parts));
        foreach (var line in GraphLabels.CniLines(graph))
        {
            w.WriteLine(line);
        }

        if (graph.HiddenOpenEdges > 0)
        {
            w.WriteLine($"not drawn: {graph.HiddenOpenEdges} open edge{(graph.HiddenOpenEdges == 1 ? string.Empty : "s")} between ends no policy isolates (every port passes); --show-open draws them");
        }
    }

    internal static List<string> Draw(GraphLayout layout)
    {
        var solid = new int[layout.Height, layout.Width];
        var dashed = new int[layout.Height, layout.Width];
        var text = new char?[layout.Height, layout.Width];
        var rounded = new bool[layout.Height, layout.Width];
        foreach (var f in layout.Frames)
        {
            Rectangle(solid, f.X, f.Y, f.Width, f.Height);
            rounded[f.Y, f.X] = rounded[f.Y, f.X + f.Width - 1] = rounded[f.Y + f.Height - 1, f.X] = rounded[f.Y + f.Height - 1, f.X + f.Width - 1] = true;
            Put(text, f.X + 2, f.Y, $" {f.Namespace} ");
        }

        foreach (var b in layout.Boxes)
        {
            Rectangle(solid, b.X, b.Y, b.Width, b.Height);
            for (var i = 0; i < b.Lines.Count; i++)
            {
                Put(text, b.X + 2, b.Y + 1 + i, b.Lines[i]);
            }
        }

        foreach (var p in layout.Paths)
        {
            var grid = p.Edge.Kind == GraphEdgeKind.Denied ? dashed : solid;
            for (var i = 1; i < p.Points.Count; i++)
            {
                Line(grid, p.Points[i - 1], p.Points[i]);
            }

            var (x, y) = p.Points[^1];
            var (px, py) = p.Points[^2];
            var denied = p.Edge.Kind == GraphEdgeKind.Denied;
            text[y, x] = py < y ? (denied ? '▽' : '▼') : py > y ? (denied ? '△' : '▲') : px < x ? (denied ? '▷' : '▶') : (denied ? '◁' : '◀');
            Put(text, p.LabelX, p.LabelY, p.Label);
        }

        var lines = new List<string>(layout.Height);
        for (var y = 0; y < layout.Height; y++)
        {
            var sb = new StringBuilder(layout.Width);
            for (var x = 0; x < layout.Width; x++)
            {
                sb.Append(text[y, x] ?? Glyph(solid[y, x], dashed[y, x], rounded[y, x]));
            }

            lines.Add(sb.ToString().TrimEnd());
        }

        return lines;
    }

    private static void Put(char?[,] text, int x, int y, string s)
    {
        for (var i = 0; i < s.Length && x + i < text.GetLength(1); i++)
        {
            if (x + i >= 0)
            {
                text[y, x + i] = s[i];
            }
        }
    }

    private static void Rectangle(int[,] grid, int x, int y, int width, int height)
    {
        Line(grid, (x, y), (x + width - 1, y));
        Line(grid, (x + width - 1, y), (x + width - 1, y + height - 1));
        Line(grid, (x + width - 1, y + height - 1), (x, y + height - 1));
        Line(grid, (x, y + height - 1), (x, y));
    }

    // Marks, on every cell of an axis-parallel segment, the directions in which lines leave it.
    private static void Line(int[,] grid, (int X, int Y) a, (int X, int Y) b)
    {
        if (a.X == b.X)
        {
            var (top, bottom) = a.Y < b.Y ? (a.Y, b.Y) : (b.Y, a.Y);
            for (var y = top; y <= bottom; y++)
            {
                grid[y, a.X] |= (y > top ? N : 0) | (y < bottom ? S : 0);
            }

            return;
        }

        var (left, right) = a.X < b.X ? (a.X, b.X) : (b.X, a.X);
        for (var x = left; x <= right; x++)
        {
            grid[a.Y, x] |= (x > left ? W : 0) | (x < right ? E : 0);
        }
    }

    private static char Glyph(int solid, int dashed, bool rounded)
    {
        if (solid == 0 && dashed == 0)
        {
            return ' ';
        }

        if (solid == 0)
        {
            return dashed switch
            {
                N | S or N or S => '┆',
                E | W or E or W => '┄',
                _ => Solid(dashed, false),
            };
        }

        return Solid(solid | dashed, rounded);
    }

    private static char Solid(int mask, bool rounded) => mask switch
    {
        N | S or N or S => '│',
        E | W or E or W => '─',
        E | S => rounded ? '╭' : '┌',
        W | S => rounded ? '╮' : '┐',
        N | E => rounded ? '╰' : '└',
        N | W => rounded ? '╯' : '┘',
        N | S | E => '├',
        N | S | W => '┤',
        E | W | S => '┬',
        E | W | N => '┴',
        _ => '┼',
    };
}
