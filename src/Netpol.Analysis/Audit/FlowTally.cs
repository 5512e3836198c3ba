namespace Netpol.Analysis.Audit;

/// <summary>How many flows of one kind were seen, and when the first and the last were.</summary>
internal readonly record struct FlowTally(long Count, DateTimeOffset? First, DateTimeOffset? Last)
{
    public FlowTally Add(long count, DateTimeOffset? time) => new(
        Count + count,
        time is { } t && (First is not { } f || t < f) ? t : First,
        time is { } u && (Last is not { } l || u > l) ? u : Last);

    public FlowTally Add(FlowTally other) => new(
        Count + other.Count,
        Earlier(First, other.First),
        Later(Last, other.Last));

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
