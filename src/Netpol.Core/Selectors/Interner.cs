namespace Netpol.Core.Selectors;

/// <summary>Gives equal values one small integer id, in order of first appearance.</summary>
internal sealed class Interner<T>
    where T : notnull
{
    private readonly Dictionary<T, int> _ids;
    private readonly List<T> _values = [];

    public Interner(IEqualityComparer<T>? comparer = null) => _ids = new(comparer);

    public int Count => _values.Count;

    public IReadOnlyList<T> Values => _values;

    public int Id(T value)
    {
        if (!_ids.TryGetValue(value, out var id))
        {
            id = _values.Count;
            _values.Add(value);
            _ids[value] = id;
        }

        return id;
    }

    public T this[int id] => _values[id];
}
