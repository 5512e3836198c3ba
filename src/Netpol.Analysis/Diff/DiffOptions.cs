using Netpol.Analysis.Matrix;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Diff;

/// <summary>What <c>netpol diff</c> compares.</summary>
public sealed record DiffOptions
{
    /// <summary>Namespaces to compare (none: all). Both ends of a connection must be in them.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Compare workloads (the default) or single pods.</summary>
    public Grouping By { get; init; } = Grouping.Workload;

    /// <summary>
    /// The network plugin whose enforcement both sides are compared under (<c>--cni NAME</c>); portable by default.
    /// </summary>
    public CniProfile Cni { get; init; } = CniProfiles.Portable;
}
