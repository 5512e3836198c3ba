using Netpol.Analysis.Graph;

namespace Netpol.Rendering.Graph;

/// <summary>
/// The one layout engine of netpol's pictures: a layered (Sugiyama-style) drawing on a character grid. Cycles are
/// broken by reversing the edges a depth-first search finds going back; nodes get the longest-path layer, pushed
/// down while a layer is wider than the budget; long edges pass through dummy nodes; a few barycenter sweeps order
/// each layer, keeping a namespace's nodes together in one frame; every edge segment between two layers gets its
/// own horizontal track, so lines never run on top of each other. The ASCII renderer draws the grid as text, the
/// SVG renderer scales it.
/// </summary>
internal static class LayeredLayout
{
    /// <summary>More nodes than this do not make a readable picture: renderers fall back to a list.</summary>
    public const int MaxNodes = 60;

    /// <summary>More edges than this do not make a readable picture.</summary>
    public const int MaxEdges = 150;

    private const int Sweeps = 4;

    /// <summary>The layout, or null when the graph is too large or does not fit <paramref name="maxWidth"/> columns.</summary>
    public static GraphLayout? Compute(GraphResult graph, int maxWidth)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.Nodes.Count > MaxNodes || graph.Edges.Count > MaxEdges)
        {
            return null;
        }

        var nodes = graph.Nodes.Select((n, i) => new LNode(i, n)).ToList();
        var byId = nodes.ToDictionary(n => n.Node!.Id, StringComparer.Ordinal);
        var chains = new List<Chain>();
        foreach (var edge in graph.Edges)
        {
            if (edge.From != edge.To && byId.TryGetValue(edge.From, out var a) && byId.TryGetValue(edge.To, out var b))
            {
                chains.Add(new Chain(edge, a, b));
            }
        }

        BreakCycles(nodes, chains);
        AssignLayers(nodes, chains);
        Balance(nodes, chains, maxWidth);
        var layers = BuildLayers(nodes, chains);
        Order(layers);
        var layout = Place(layers, chains);
        return layout.Width <= maxWidth ? layout : null;
    }

    // Depth-first from each node in order; an edge to a node on the stack closes a cycle and is reversed.
    private static void BreakCycles(List<LNode> nodes, List<Chain> chains)
    {
        var outgoing = nodes.ToDictionary(n => n, _ => new List<Chain>());
        foreach (var c in chains)
        {
            outgoing[c.From].Add(c);
        }

        var state = new Dictionary<LNode, int>();
        foreach (var root in nodes)
        {
            if (state.ContainsKey(root))
            {
                continue;
            }

            var stack = new Stack<(LNode Node, int Next)>();
            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (n, i) = stack.Pop();
                var list = outgoing[n];
                if (i >= list.Count)
                {
                    state[n] = 2;
                    continue;
                }

                stack.Push((n, i + 1));
                var c = list[i];
                if (!state.TryGetValue(c.To, out var s))
                {
                    state[c.To] = 1;
                    stack.Push((c.To, 0));
                }
                else if (s == 1)
                {
                    c.Reversed = true;
                }
            }
        }
    }

    private static void AssignLayers(List<LNode> nodes, List<Chain> chains)
    {
        var indegree = nodes.ToDictionary(n => n, _ => 0);
        var down = nodes.ToDictionary(n => n, _ => new List<LNode>());
        foreach (var c in chains)
        {
            indegree[c.Lower]++;
            down[c.Upper].Add(c.Lower);
        }

        var ready = new SortedSet<int>(nodes.Where(n => indegree[n] == 0).Select(n => n.Index));
        while (ready.Count > 0)
        {
            var n = nodes[ready.Min];
            ready.Remove(n.Index);
            foreach (var m in down[n])
            {
                m.Layer = Math.Max(m.Layer, n.Layer + 1);
                if (--indegree[m] == 0)
                {
                    ready.Add(m.Index);
                }
            }
        }
    }

    // While a layer is wider than the budget, move the node that drags the fewest others down with it one layer lower.
    private static void Balance(List<LNode> nodes, List<Chain> chains, int maxWidth)
    {
        var down = nodes.ToDictionary(n => n, _ => new List<LNode>());
        foreach (var c in chains)
        {
            down[c.Upper].Add(c.Lower);
        }

        for (var iteration = 0; iteration < 4 * nodes.Count; iteration++)
        {
            var wide = nodes.GroupBy(n => n.Layer).OrderBy(g => g.Key)
                .FirstOrDefault(g => g.Count() > 1 && EstimatedWidth(g) > maxWidth);
            if (wide is null)
            {
                return;
            }

            var best = wide
                .Select(n => (Node: n, Moved: Pushed(n, down).Count))
                .OrderBy(x => x.Moved)
                .ThenByDescending(x => x.Node.BaseWidth)
                .ThenByDescending(x => x.Node.Index)
                .First().Node;
            foreach (var (n, layer) in Pushed(best, down))
            {
                n.Layer = layer;
            }
        }
    }

    private static List<(LNode Node, int Layer)> Pushed(LNode start, Dictionary<LNode, List<LNode>> down)
    {
        var layers = new Dictionary<LNode, int> { [start] = start.Layer + 1 };
        var queue = new Queue<LNode>([start]);
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            foreach (var m in down[n])
            {
                var current = layers.TryGetValue(m, out var l) ? l : m.Layer;
                if (current <= layers[n])
                {
                    layers[m] = layers[n] + 1;
                    queue.Enqueue(m);
                }
            }
        }

        return [.. layers.Select(kv => (kv.Key, kv.Value))];
    }

    private static int EstimatedWidth(IEnumerable<LNode> layer) =>
        layer.Sum(n => n.BaseWidth + 2) + (layer.Select(n => n.Namespace).OfType<string>().Distinct().Count() * 4);

    private static List<List<LNode>> BuildLayers(List<LNode> nodes, List<Chain> chains)
    {
        var count = nodes.Count == 0 ? 0 : nodes.Max(n => n.Layer) + 1;
        var layers = Enumerable.Range(0, count).Select(_ => new List<LNode>()).ToList();
        foreach (var n in nodes.OrderBy(n => n.Namespace ?? "\uffff", StringComparer.Ordinal).ThenBy(n => n.Index))
        {
            layers[n.Layer].Add(n);
        }

        var next = nodes.Count;
        foreach (var c in chains)
        {
            var upper = c.Upper;
            for (var layer = c.Upper.Layer + 1; layer <= c.Lower.Layer; layer++)
            {
                LNode lower;
                if (layer == c.Lower.Layer)
                {
                    lower = c.Lower;
                }
                else
                {
                    lower = new LNode(next++, null) { Layer = layer };
                    layers[layer].Add(lower);
                }

                var s = new Segment(c, upper, lower);
                c.Segments.Add(s);
                upper.Bottom.Add(s);
                lower.Top.Add(s);
                upper = lower;
            }
        }

        return layers;
    }

    // Barycenter sweeps down and up; a namespace's nodes move as one block.
    private static void Order(List<List<LNode>> layers)
    {
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            for (var l = 1; l < layers.Count; l++)
            {
                Reorder(layers, l, up: true);
            }

            for (var l = layers.Count - 2; l >= 0; l--)
            {
                Reorder(layers, l, up: false);
            }
        }

        foreach (var layer in layers)
        {
            Renumber(layer);
        }
    }

    private static void Renumber(List<LNode> layer)
    {
        for (var i = 0; i < layer.Count; i++)
        {
            layer[i].Order = i;
        }
    }

    private static void Reorder(List<List<LNode>> layers, int l, bool up)
    {
        Renumber(layers[l]);
        Renumber(layers[up ? l - 1 : l + 1]);
        var bary = new Dictionary<LNode, double>();
        foreach (var n in layers[l])
        {
            var neighbours = up ? n.Top.Select(s => s.Upper) : n.Bottom.Select(s => s.Lower);
            var positions = neighbours.Select(m => (double)m.Order).ToList();
            bary[n] = positions.Count == 0 ? n.Order : positions.Average();
        }

        var units = new List<List<LNode>>();
        foreach (var n in layers[l])
        {
            if (n.Namespace is not null && units.Count > 0 && units[^1][0].Namespace == n.Namespace)
            {
                units[^1].Add(n);
            }
            else
            {
                units.Add([n]);
            }
        }

        var ordered = units
            .Select((u, i) => (Nodes: u.OrderBy(n => bary[n]).ThenBy(n => n.Order).ToList(), Key: u.Average(n => bary[n]), Index: i))
            .OrderBy(u => u.Key)
            .ThenBy(u => u.Index)
            .SelectMany(u => u.Nodes)
            .ToList();
        layers[l].Clear();
        layers[l].AddRange(ordered);
        Renumber(layers[l]);
    }

    private static GraphLayout Place(List<List<LNode>> layers, List<Chain> chains)
    {
        var frames = new List<(LayoutFrame Frame, int Layer)>();
        var layerWidths = new List<int>();
        foreach (var layer in layers)
        {
            foreach (var n in layer)
            {
                n.Top.Sort((a, b) => a.Upper.Order.CompareTo(b.Upper.Order));
                n.Bottom.Sort((a, b) => a.Lower.Order.CompareTo(b.Lower.Order));
            }

            var cursor = 0;
            var i = 0;
            while (i < layer.Count)
            {
                var n = layer[i];
                if (n.IsDummy)
                {
                    n.X = cursor + 1;
                    n.Width = 1;
                    cursor += 3;
                    i++;
                    continue;
                }

                if (n.Namespace is null)
                {
                    n.X = cursor;
                    n.Width = BoxWidth(n, n.X);
                    cursor += n.Width + 2;
                    i++;
                    continue;
                }

                var ns = n.Namespace;
                var frameX = cursor;
                var inner = cursor + 2;
                // Lines entering the frame must not cross its name: "╭─ name ─".
                var nameEnd = frameX + ns.Length + 4;
                var first = true;
                var last = inner;
                while (i < layer.Count && layer[i].Namespace == ns && !layer[i].IsDummy)
                {
                    var m = layer[i];
                    m.X = inner;
                    m.Width = BoxWidth(m, first ? nameEnd + 1 : m.X);
                    if (first)
                    {
                        m.Width = Math.Max(m.Width, nameEnd - m.X + 2);
                    }

                    last = m.X + m.Width - 1;
                    inner = last + 3;
                    first = false;
                    i++;
                }

                var frameWidth = Math.Max(last + 3 - frameX, ns.Length + 6);
                frames.Add((new LayoutFrame(ns, frameX, 0, frameWidth, 0), layers.IndexOf(layer)));
                cursor = frameX + frameWidth + 2;
            }

            layerWidths.Add(Math.Max(0, cursor - 2));
        }

        // Center each layer under the widest one.
        var total = layerWidths.Count == 0 ? 0 : layerWidths.Max();
        for (var l = 0; l < layers.Count; l++)
        {
            var shift = (total - layerWidths[l]) / 2;
            foreach (var n in layers[l])
            {
                n.X += shift;
            }

            for (var f = 0; f < frames.Count; f++)
            {
                if (frames[f].Layer == l)
                {
                    frames[f] = (frames[f].Frame with { X = frames[f].Frame.X + shift }, l);
                }
            }
        }

        // Port columns: along a box's bottom for lines leaving downwards, along its top for lines arriving from above.
        foreach (var n in layers.SelectMany(l => l))
        {
            if (n.IsDummy)
            {
                foreach (var s in n.Top)
                {
                    s.TX = n.X;
                }

                foreach (var s in n.Bottom)
                {
                    s.SX = n.X;
                }

                continue;
            }

            Spread(n.Top, n.X + n.TopStart, n.X + n.Width - 3, (s, x) => s.TX = x);
            Spread(n.Bottom, n.X + 2, n.X + n.Width - 3, (s, x) => s.SX = x);
        }

        // Rows: each layer is a frame top, the boxes, a frame bottom; each channel has a track per segment and a blank row.
        var y = 0;
        var layerY = new int[layers.Count];
        var lines = new int[layers.Count];
        var channelY = new int[layers.Count];
        for (var l = 0; l < layers.Count; l++)
        {
            layerY[l] = y;
            lines[l] = layers[l].Where(n => !n.IsDummy).Select(n => n.Lines.Count).DefaultIfEmpty(1).Max();
            y += lines[l] + 4;
            channelY[l] = y;
            var segments = layers[l].SelectMany(n => n.Bottom).ToList();
            AssignTracks(segments);
            y += segments.Count + 1;
        }

        var height = Math.Max(0, y - 1);
        var paths = new List<LayoutPath>();
        foreach (var c in chains)
        {
            var points = new List<(int X, int Y)>();
            foreach (var s in c.Segments)
            {
                var l = s.Upper.Layer;
                var track = channelY[l] + s.Track;
                var startY = s.Upper.IsDummy ? layerY[l] : layerY[l] + lines[l] + 2;
                var endY = s.Lower.IsDummy ? layerY[l + 1] + lines[l + 1] + 3 : layerY[l + 1] + 1;
                points.AddRange([(s.SX, startY), (s.SX, track), (s.TX, track), (s.TX, endY)]);
            }

            if (c.Reversed)
            {
                points.Reverse();
            }

            var labelled = c.Reversed ? c.Segments[0] : c.Segments[^1];
            var label = GraphLabels.Edge(c.Edge);
            var (lx, ly) = LabelSpot(labelled, label, channelY[labelled.Upper.Layer], layers[labelled.Upper.Layer].SelectMany(n => n.Bottom).ToList());
            paths.Add(new LayoutPath(c.Edge, Simplify(points), label, lx, ly));
        }

        var boxes = layers.SelectMany(l => l).Where(n => !n.IsDummy)
            .Select(n => new LayoutBox(n.Node!, n.X, layerY[n.Layer] + 1, n.Width, lines[n.Layer] + 2, n.Lines))
            .ToList();
        var laidFrames = frames.Select(f => f.Frame with { Y = layerY[f.Layer], Height = lines[f.Layer] + 4 }).ToList();
        var width = Math.Max(
            boxes.Select(b => b.X + b.Width).Concat(laidFrames.Select(f => f.X + f.Width)).DefaultIfEmpty(0).Max(),
            paths.Select(p => Math.Max(p.LabelX + p.Label.Length, p.Points.Max(q => q.X) + 1)).DefaultIfEmpty(0).Max());
        return new GraphLayout(width, height, laidFrames, boxes, paths);
    }

    private static int BoxWidth(LNode n, int topStart)
    {
        n.TopStart = Math.Max(2, topStart - n.X);
        var needTop = n.TopStart + (2 * Math.Max(0, n.Top.Count - 1)) + 3;
        var needBottom = 2 + (2 * Math.Max(0, n.Bottom.Count - 1)) + 3;
        return Math.Max(n.BaseWidth, Math.Max(needTop, needBottom));
    }

    private static void Spread(List<Segment> segments, int lo, int hi, Action<Segment, int> set)
    {
        if (segments.Count == 0)
        {
            return;
        }

        var span = 2 * (segments.Count - 1);
        var start = lo + Math.Max(0, (hi - lo - span) / 2);
        for (var i = 0; i < segments.Count; i++)
        {
            set(segments[i], start + (2 * i));
        }
    }

    // One track per segment. A segment whose source column is another's destination column must take the upper
    // track, or their vertical lines would overlap; otherwise rightward segments from the right go first and
    // leftward ones from the left, which avoids most crossings.
    private static void AssignTracks(List<Segment> segments)
    {
        var before = segments.ToDictionary(s => s, _ => 0);
        foreach (var s in segments)
        {
            foreach (var t in segments)
            {
                if (!ReferenceEquals(s, t) && s.SX == t.TX)
                {
                    before[t]++;
                }
            }
        }

        var remaining = new List<Segment>(segments);
        var track = 0;
        while (remaining.Count > 0)
        {
            var next = remaining
                .OrderBy(s => before[s] == 0 ? 0 : 1)
                .ThenBy(s => s.TX >= s.SX ? 0 : 1)
                .ThenBy(s => s.TX >= s.SX ? -s.SX : s.SX)
                .ThenBy(s => s.TX)
                .First();
            next.Track = track++;
            remaining.Remove(next);
            foreach (var t in remaining)
            {
                if (next.SX == t.TX)
                {
                    before[t]--;
                }
            }
        }
    }

    // On the segment's track row: inside a long horizontal, else right or left of it, where no other line crosses.
    private static (int X, int Y) LabelSpot(Segment s, string label, int channelTop, List<Segment> channel)
    {
        var row = channelTop + s.Track;
        var crossing = channel.Where(t => !ReferenceEquals(t, s))
            .Select(t => t.Track > s.Track ? t.SX : t.TX)
            .ToHashSet();
        var lo = Math.Min(s.SX, s.TX);
        var hi = Math.Max(s.SX, s.TX);
        var candidates = new List<int>();
        if (hi - lo >= label.Length + 4)
        {
            candidates.Add(lo + ((hi - lo - label.Length) / 2) + 1);
        }

        candidates.Add(hi + 2);
        if (lo - 1 - label.Length >= 0)
        {
            candidates.Add(lo - 1 - label.Length);
        }

        foreach (var x in candidates)
        {
            if (!Enumerable.Range(x - 1, label.Length + 2).Any(crossing.Contains))
            {
                return (x, row);
            }
        }

        return (hi + 2, row);
    }

    private static List<(int X, int Y)> Simplify(List<(int X, int Y)> points)
    {
        var result = new List<(int X, int Y)>();
        foreach (var p in points)
        {
            if (result.Count > 0 && result[^1] == p)
            {
                continue;
            }

            if (result.Count >= 2)
            {
                var a = result[^2];
                var b = result[^1];
                if ((a.X == b.X && b.X == p.X) || (a.Y == b.Y && b.Y == p.Y))
                {
                    result[^1] = p;
                    continue;
                }
            }

            result.Add(p);
        }

        return result;
    }

    private sealed class LNode(int index, GraphNode? node)
    {
        public int Index { get; } = index;

        public GraphNode? Node { get; } = node;

        public bool IsDummy => Node is null;

        public string? Namespace => Node is { Kind: not GraphNodeKind.Namespace } n ? n.Namespace : null;

        public IReadOnlyList<string> Lines { get; } = node is null ? [] : GraphLabels.Self(node) is { } self ? [node.Label, self] : [node.Label];

        public int BaseWidth => Node is null ? 1 : Lines.Max(l => l.Length) + 4;

        public int Layer { get; set; }

        public int Order { get; set; }

        public int X { get; set; }

        public int Width { get; set; }

        // The first column, from the box's left edge, where lines may arrive from above.
        public int TopStart { get; set; }

        public List<Segment> Top { get; } = [];

        public List<Segment> Bottom { get; } = [];
    }

    private sealed class Chain(GraphEdge edge, LNode from, LNode to)
    {
        public GraphEdge Edge { get; } = edge;

        public LNode From { get; } = from;

        public LNode To { get; } = to;

        public bool Reversed { get; set; }

        public LNode Upper => Reversed ? To : From;

        public LNode Lower => Reversed ? From : To;

        public List<Segment> Segments { get; } = [];
    }

    private sealed class Segment(Chain chain, LNode upper, LNode lower)
    {
        public Chain Chain { get; } = chain;

        public LNode Upper { get; } = upper;

        public LNode Lower { get; } = lower;

        public int SX { get; set; }

        public int TX { get; set; }

        public int Track { get; set; }
    }
}
