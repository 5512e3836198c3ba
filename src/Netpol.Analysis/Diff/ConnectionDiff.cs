using Netpol.Core.Engine;
using Netpol.Core.Model;

namespace Netpol.Analysis.Diff;

/// <summary>
/// Compares the connections between endpoints present on both sides without visiting every pair. An endpoint is
/// reduced, per side, to the fast engine's classes of its pods. Between different namespaces the ports depend only on
/// the classes' cross-namespace keys, so endpoints are grouped by (base keys, head keys) and each pair of groups is
/// compared once; only groups that differ are walked pair by pair, and every such pair is a change to report. Pairs
/// inside one namespace are compared group by group the same way, using the classes themselves.
/// </summary>
internal sealed class ConnectionDiff(FastEngine before, FastEngine after)
{
    private readonly List<ConnectionChange> _gained = [];
    private readonly List<ConnectionChange> _lost = [];

    public (List<ConnectionChange> Gained, List<ConnectionChange> Lost) Compare(IReadOnlyList<(string Name, List<Pod> Before, List<Pod> After)> endpoints)
    {
        var namespaces = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = new List<Item>(endpoints.Count);
        foreach (var (name, b, h) in endpoints)
        {
            var ns = b[0].Namespace;
            if (!namespaces.TryGetValue(ns, out var index))
            {
                index = namespaces.Count;
                namespaces[ns] = index;
            }

            items.Add(new Item(name, index, Describe(before, b), Describe(after, h)));
        }

        CompareAcrossNamespaces(items);
        foreach (var group in items.GroupBy(i => i.Namespace))
        {
            CompareWithinNamespace([.. group]);
        }

        var order = Comparer<ConnectionChange>.Create((x, y) =>
        {
            var c = string.CompareOrdinal(x.From, y.From);
            return c != 0 ? c : string.CompareOrdinal(x.To, y.To);
        });
        _gained.Sort(order);
        _lost.Sort(order);
        return (_gained, _lost);
    }

    private static Side Describe(FastEngine engine, List<Pod> pods)
    {
        if (pods.Count == 1)
        {
            var c = engine.ClassOf(pods[0]);
            return new Side([c], [1], [engine.SourceKey(c)], [engine.DestinationKey(c)]);
        }

        // Replicas of a workload usually share one class: sort the pods' classes and count runs.
        var all = pods.Select(engine.ClassOf).ToArray();
        Array.Sort(all);
        var classes = new List<int>();
        var counts = new List<int>();
        foreach (var c in all)
        {
            if (classes.Count > 0 && classes[^1] == c)
            {
                counts[^1]++;
            }
            else
            {
                classes.Add(c);
                counts.Add(1);
            }
        }

        return new Side(
            [.. classes],
            [.. counts],
            classes.Select(engine.SourceKey).Distinct().Order().ToArray(),
            classes.Select(engine.DestinationKey).Distinct().Order().ToArray());
    }

    private void CompareAcrossNamespaces(List<Item> items)
    {
        var sources = Groups(items, i => Key(i.Before.SourceKeys, i.After.SourceKeys));
        var destinations = Groups(items, i => Key(i.Before.DestinationKeys, i.After.DestinationKeys));
        foreach (var s in sources)
        {
            foreach (var d in destinations)
            {
                var b = Cross(before, s[0].Before.SourceKeys, d[0].Before.DestinationKeys);
                var h = Cross(after, s[0].After.SourceKeys, d[0].After.DestinationKeys);
                if (b.Equals(h))
                {
                    continue;
                }

                foreach (var from in s)
                {
                    foreach (var to in d)
                    {
                        if (from.Namespace != to.Namespace)
                        {
                            Record(from.Name, to.Name, b, h);
                        }
                    }
                }
            }
        }
    }

    private void CompareWithinNamespace(List<Item> items)
    {
        var groups = Groups(items, i => Key(i.Before.Classes, i.After.Classes));
        foreach (var s in groups)
        {
            foreach (var d in groups)
            {
                var b = Local(before, s[0].Before.Classes, d[0].Before.Classes);
                var h = Local(after, s[0].After.Classes, d[0].After.Classes);
                if (b.Equals(h))
                {
                    continue;
                }

                foreach (var from in s)
                {
                    foreach (var to in d)
                    {
                        if (!ReferenceEquals(from, to))
                        {
                            Record(from.Name, to.Name, b, h);
                        }
                    }
                }
            }
        }

        foreach (var item in items)
        {
            var b = Self(before, item.Before);
            var h = Self(after, item.After);
            if (!b.Equals(h))
            {
                Record(item.Name, item.Name, b, h);
            }
        }
    }

    private void Record(string from, string to, PortSet before, PortSet after)
    {
        if (after.Except(before) is { IsEmpty: false } gained)
        {
            _gained.Add(new ConnectionChange(from, to, gained));
        }

        if (before.Except(after) is { IsEmpty: false } lost)
        {
            _lost.Add(new ConnectionChange(from, to, lost));
        }
    }

    /// <summary>What every pod of the source may open to every pod of a destination in another namespace.</summary>
    private static PortSet Cross(FastEngine engine, int[] sources, int[] destinations)
    {
        var ports = PortSet.All;
        foreach (var s in sources)
        {
            foreach (var d in destinations)
            {
                ports = ports.Intersect(engine.CrossNamespacePorts(s, d));
                if (ports.IsEmpty)
                {
                    return ports;
                }
            }
        }

        return ports;
    }

    /// <summary>What every pod of one endpoint may open to every pod of another endpoint of the same namespace.</summary>
    private static PortSet Local(FastEngine engine, int[] sources, int[] destinations)
    {
        var ports = PortSet.All;
        foreach (var s in sources)
        {
            foreach (var d in destinations)
            {
                ports = ports.Intersect(engine.ClassPorts(s, d));
                if (ports.IsEmpty)
                {
                    return ports;
                }
            }
        }

        return ports;
    }

    /// <summary>
    /// What every pod of an endpoint may open to every other pod of it. A pod may always reach itself, so one pod
    /// alone allows everything; two pods of one class meet that class's own verdict.
    /// </summary>
    private static PortSet Self(FastEngine engine, Side side)
    {
        var ports = PortSet.All;
        for (var i = 0; i < side.Classes.Length; i++)
        {
            for (var j = 0; j < side.Classes.Length; j++)
            {
                if (i != j || side.Counts[i] > 1)
                {
                    ports = ports.Intersect(engine.ClassPorts(side.Classes[i], side.Classes[j]));
                }
            }
        }

        return ports;
    }

    private static List<List<Item>> Groups(List<Item> items, Func<Item, string> key)
    {
        var groups = new Dictionary<string, List<Item>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            if (!groups.TryGetValue(k, out var list))
            {
                list = [];
                groups[k] = list;
            }

            list.Add(item);
        }

        return [.. groups.Values];
    }

    private static string Key(int[] before, int[] after) => $"{string.Join(',', before)}|{string.Join(',', after)}";

    /// <summary>An endpoint on one side: its pods' distinct classes (sorted, with how many pods each) and their keys.</summary>
    private sealed record Side(int[] Classes, int[] Counts, int[] SourceKeys, int[] DestinationKeys);

    private sealed record Item(string Name, int Namespace, Side Before, Side After);
}
