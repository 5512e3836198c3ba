namespace Netpol.Core.Engine;

/// <summary>An engine that can count allowed pod pairs without listing them.</summary>
public interface IPairCounter
{
    /// <summary>Counts allowed ordered pairs over every pod of the cluster.</summary>
    PairCounts CountAllowedPairs(IReadOnlyList<Probe> probes);
}
