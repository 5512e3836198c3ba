namespace Netpol.Core.Model;

/// <summary>
/// A cluster-scoped network policy after validation: policy.networking.k8s.io ClusterNetworkPolicy, or the legacy
/// AdminNetworkPolicy (tier Admin, Allow read as Accept) and BaselineAdminNetworkPolicy (tier Baseline).
/// Within a tier, policies apply by <see cref="Priority"/> (lower first; ties broken by name, which the API leaves
/// undefined), and rules in written order. A policy without rules for a direction does not affect it.
/// </summary>
public sealed record ClusterNetworkPolicy(
    string Name,
    ClusterPolicyTier Tier,
    int Priority,
    ClusterPolicySubject Subject,
    IReadOnlyList<ClusterPolicyRule> Ingress,
    IReadOnlyList<ClusterPolicyRule> Egress,
    SourceLocation? Source = null)
{
    /// <summary>The kind it was written as: ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy.</summary>
    public string Kind { get; init; } = "ClusterNetworkPolicy";

    /// <summary>
    /// The API group it was written in: <c>policy.networking.k8s.io</c> (upstream), or <c>networking.k8s.aws</c> for the
    /// AWS network policy agent's own ClusterNetworkPolicy, which has the upstream v1alpha2 shape and semantics.
    /// </summary>
    public string ApiGroup { get; init; } = UpstreamGroup;

    /// <summary>The network-policy-api project's API group.</summary>
    public const string UpstreamGroup = "policy.networking.k8s.io";

    /// <summary>The AWS network policy agent's API group.</summary>
    public const string AwsGroup = "networking.k8s.aws";

    /// <summary><c>Kind name</c>, the way messages name it.</summary>
    public string FullName => $"{Kind} {Name}";

    /// <summary>The rules of a direction, in written order.</summary>
    public IReadOnlyList<ClusterPolicyRule> Rules(Direction direction) => direction == Direction.Ingress ? Ingress : Egress;

    /// <summary>Where fields were written, by field path (<c>spec.ingress[0].from[1]</c>), when loaded from a file.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; init; } = ObjectMetadata.NoLocations;
}
