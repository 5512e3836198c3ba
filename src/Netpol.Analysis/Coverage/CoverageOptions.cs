using Netpol.Analysis.Matrix;

namespace Netpol.Analysis.Coverage;

/// <summary>What <c>netpol coverage</c> computes.</summary>
public sealed record CoverageOptions
{
    /// <summary>Entries per pod, or per workload (the pods of one owner together).</summary>
    public Grouping By { get; init; } = Grouping.Pod;

    /// <summary>Namespaces to cover (none: all). The summary and the thresholds count only these.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>The lowest acceptable percentage of pods isolated for ingress (0 to 100), or null for no check.</summary>
    public double? MinIngress { get; init; }

    /// <summary>The lowest acceptable percentage of pods isolated for egress (0 to 100), or null for no check.</summary>
    public double? MinEgress { get; init; }

    /// <summary>
    /// The network plugin to answer for (<c>--cni NAME</c>): coverage is computed on the cluster as that plugin enforces
    /// it, and entries whose protection differs from portable are marked. Portable (the default) changes nothing.
    /// </summary>
    public Netpol.Core.Profiles.CniProfile Cni { get; init; } = Netpol.Core.Profiles.CniProfiles.Portable;
}
