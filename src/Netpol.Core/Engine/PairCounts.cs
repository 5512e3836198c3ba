namespace Netpol.Core.Engine;

/// <summary>
/// Allowed ordered pod pairs (a pod to itself included): on any port, and per probe in the order given.
/// </summary>
public sealed record PairCounts(long Pods, long AnyPort, IReadOnlyList<long> PerProbe);
