using Netpol.Analysis.Matrix;

namespace Netpol.Analysis.Coverage;

/// <summary>What <c>netpol coverage</c> found: totals, one record per namespace, one per pod or workload, and the thresholds.</summary>
/// <param name="By">Whether <paramref name="Entries"/> are pods or workloads (counts are always pods).</param>
/// <param name="Summary">The counts over every covered namespace.</param>
/// <param name="Namespaces">The covered namespaces, sorted by name (namespaces without pods included).</param>
/// <param name="Entries">The pods or workloads, sorted by name.</param>
/// <param name="Thresholds">The thresholds asked for, ingress first.</param>
public sealed record CoverageResult(
    Grouping By,
    CoverageCounts Summary,
    IReadOnlyList<CoverageNamespace> Namespaces,
    IReadOnlyList<CoverageEntry> Entries,
    IReadOnlyList<CoverageThreshold> Thresholds)
{
    /// <summary>True when the input has cluster network policies: the tier counts are then part of the result.</summary>
    public bool Tiered { get; init; }

    /// <summary>The network plugin profile the result is for (<c>--cni NAME</c>), or null for portable (upstream) semantics.</summary>
    public string? Cni { get; init; }

    /// <summary>
    /// With <see cref="Cni"/>: the cluster network policies the plugin does not implement, left out of the counts
    /// (<c>cnp/NAME</c>, <c>anp/NAME</c>, <c>banp/NAME</c>, in evaluation order).
    /// </summary>
    public IReadOnlyList<string> IgnoredClusterPolicies { get; init; } = [];

    /// <summary>With <see cref="Cni"/>: why the plugin ignores them (its cited evidence), or empty.</summary>
    public string IgnoredReason { get; init; } = string.Empty;

    /// <summary>With <see cref="Cni"/>: the summary's tier counts under portable semantics, to compare.</summary>
    public TierCoverage? PortableTiers { get; init; }

    /// <summary>True when every threshold passed (or none was asked for).</summary>
    public bool Passed => Thresholds.All(t => t.Passed);
}
