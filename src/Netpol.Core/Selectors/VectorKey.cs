namespace Netpol.Core.Selectors;

/// <summary>An int array compared by content, for interning truth vectors and other signatures.</summary>
internal readonly struct VectorKey : IEquatable<VectorKey>
{
    private readonly int[] _items;
    private readonly int _hash;

    public VectorKey(int[] items)
    {
        _items = items;
        var h = new HashCode();
        foreach (var i in items)
        {
            h.Add(i);
        }

        _hash = h.ToHashCode();
    }

    public int[] Items => _items;

    public bool Equals(VectorKey other) => _items.AsSpan().SequenceEqual(other._items);

    public override bool Equals(object? obj) => obj is VectorKey k && Equals(k);

    public override int GetHashCode() => _hash;
}
