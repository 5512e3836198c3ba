using Netpol.Analysis.Matrix;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Diff;

/// <summary>
/// What changed from base to head: connections (between endpoints present on both sides) that gained or lost ports,
/// each list sorted by source then destination; changed policies; endpoints present on one side only.
/// </summary>
public sealed record DiffResult(
    Grouping By,
    IReadOnlyList<ConnectionChange> Gained,
    IReadOnlyList<ConnectionChange> Lost,
    PolicyChanges Policies,
    EndpointChanges Endpoints)
{
    /// <summary>Changed cluster network policies (ClusterNetworkPolicy and the legacy Admin and Baseline kinds).</summary>
    public ClusterPolicyChanges ClusterPolicies { get; init; } = ClusterPolicyChanges.None;

    /// <summary>True when either side has cluster network policies: the tiers apply, and changes name their tier rules.</summary>
    public bool Tiered { get; init; }

    /// <summary>The network plugin profile connections were compared under (<c>--cni NAME</c>); null for upstream semantics.</summary>
    public CniProfile? Cni { get; init; }

    /// <summary>
    /// The cluster network policies (short names, either side) the plugin does not implement: their changes are listed
    /// but change no connection under <see cref="Cni"/>.
    /// </summary>
    public IReadOnlyList<string> IgnoredClusterPolicies { get; init; } = [];

    /// <summary>True when head allows no connection fewer ports than base.</summary>
    public bool NothingLost => Lost.Count == 0;
}
