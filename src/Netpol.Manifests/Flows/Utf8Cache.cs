namespace Netpol.Manifests.Flows;

/// <summary>
/// Remembers what a run of UTF-8 bytes decoded to, so that the endpoint objects, addresses and verdicts that repeat
/// on every line of a flow log are decoded once and shared. Stops remembering past a size limit (a log full of
/// distinct internet addresses must not grow the cache without end); lookups then fall back to decoding.
/// </summary>
internal sealed class Utf8Cache<T>(int capacity)
{
    private readonly Dictionary<byte[], T> _items = new(Comparer.Instance);

    public T Get(ReadOnlySpan<byte> key, Func<ReadOnlySpan<byte>, T> decode)
    {
        var lookup = _items.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(key, out var value))
        {
            return value;
        }

        value = decode(key);
        if (_items.Count < capacity)
        {
            _items[key.ToArray()] = value;
        }

        return value;
    }

    private sealed class Comparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly Comparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
