using Netpol.Core.Model;
using Netpol.Core.Selectors;

namespace Netpol.Core.Engine;

/// <summary>Port sets by id, with memoised union and intersection: each distinct set is built once.</summary>
internal sealed class PortSetTable
{
    private readonly Interner<PortSet> _sets = new();
    private readonly Dictionary<(int, int), int> _unions = [];
    private readonly Dictionary<(int, int), int> _intersections = [];

    public PortSetTable()
    {
        Empty = Id(PortSet.Empty);
        All = Id(PortSet.All);
    }

    public int Empty { get; }

    public int All { get; }

    public int Count => _sets.Count;

    public int Id(PortSet set) => _sets.Id(set);

    public PortSet this[int id] => _sets[id];

    public int Union(int a, int b)
    {
        if (a == b || b == Empty)
        {
            return a;
        }

        if (a == Empty)
        {
            return b;
        }

        if (a == All || b == All)
        {
            return All;
        }

        var key = a < b ? (a, b) : (b, a);
        if (!_unions.TryGetValue(key, out var id))
        {
            id = Id(_sets[a].Union(_sets[b]));
            _unions[key] = id;
        }

        return id;
    }

    public int Intersect(int a, int b)
    {
        if (a == b || b == All)
        {
            return a;
        }

        if (a == All)
        {
            return b;
        }

        if (a == Empty || b == Empty)
        {
            return Empty;
        }

        var key = a < b ? (a, b) : (b, a);
        if (!_intersections.TryGetValue(key, out var id))
        {
            id = Id(_sets[a].Intersect(_sets[b]));
            _intersections[key] = id;
        }

        return id;
    }
}
