using Netpol.Core.Profiles;

namespace Netpol.Analysis.Report;

/// <summary>What <c>netpol report</c> puts into the page.</summary>
public sealed record ReportOptions
{
    /// <summary>Above this many workloads the page opens on namespaces (or teams) and expands them on click.</summary>
    public int AggregateAbove { get; init; } = 300;

    /// <summary>Explain at most this many edges the way <c>netpol check</c> does (the first port of each); the rest say which command explains them.</summary>
    public int MaxExplanations { get; init; } = 3000;

    /// <summary>
    /// Draw at most this many flows that NetworkPolicy allows but a cluster network policy denies (the first ones by
    /// source and destination); the rest are counted. They are looked for only when the page opens on workloads.
    /// </summary>
    public int MaxTierDenied { get; init; } = 1000;

    /// <summary>The network plugin the report answers for (<c>--cni</c>): portable (upstream semantics) by default.</summary>
    public CniProfile Cni { get; init; } = CniProfiles.Portable;

    /// <summary>The page's title.</summary>
    public string Title { get; init; } = "netpol report";
}
