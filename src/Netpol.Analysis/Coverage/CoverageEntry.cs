using Netpol.Core.Model;

namespace Netpol.Analysis.Coverage;

/// <summary>
/// One row of the coverage list: a pod (then <see cref="Pods"/> is 1) or, with <c>--by workload</c>, the pods of one
/// workload together. Policy names are those of the entry's namespace, sorted; for a workload, the union over its pods.
/// </summary>
/// <param name="Name"><c>namespace/pod</c>, <c>namespace/deploy/web</c>, or for a workload <c>namespace/OWNER</c>.</param>
/// <param name="Namespace">The namespace.</param>
/// <param name="Pods">How many pods the entry stands for.</param>
/// <param name="IngressIsolatedPods">How many of them some policy selects for ingress.</param>
/// <param name="EgressIsolatedPods">How many of them some policy selects for egress.</param>
/// <param name="HostNetworkPods">How many of them use hostNetwork (never isolated).</param>
/// <param name="IngressPolicies">The policies selecting them for ingress.</param>
/// <param name="EgressPolicies">The policies selecting them for egress.</param>
public sealed record CoverageEntry(
    string Name,
    string Namespace,
    int Pods,
    int IngressIsolatedPods,
    int EgressIsolatedPods,
    int HostNetworkPods,
    IReadOnlyList<string> IngressPolicies,
    IReadOnlyList<string> EgressPolicies)
{
    /// <summary>What the cluster network policy tiers cover among the entry's pods.</summary>
    public TierCoverage Tiers { get; init; } = TierCoverage.Zero;

    /// <summary>The cluster network policies selecting the entry's pods (either direction), as <c>cnp/NAME</c>, in evaluation order.</summary>
    public IReadOnlyList<string> ClusterPolicies { get; init; } = [];

    /// <summary>
    /// With <c>--cni NAME</c>: true when the entry's protection differs from portable (isolation, tier counts or the
    /// cluster policies selecting it), because the plugin ignores some cluster policies.
    /// </summary>
    public bool CniDiffers { get; init; }

    /// <summary>With <see cref="CniDiffers"/>: the tier counts under portable semantics.</summary>
    public TierCoverage? PortableTiers { get; init; }

    /// <summary>With <see cref="CniDiffers"/>: the cluster policies selecting the entry under portable semantics.</summary>
    public IReadOnlyList<string>? PortableClusterPolicies { get; init; }

    /// <summary>True when every pod of the entry is isolated for ingress.</summary>
    public bool Ingress => Pods > 0 && IngressIsolatedPods == Pods;

    /// <summary>True when every pod of the entry is isolated for egress.</summary>
    public bool Egress => Pods > 0 && EgressIsolatedPods == Pods;

    /// <summary>True when some pods of the entry use hostNetwork (NetworkPolicy does not apply to them).</summary>
    public bool HostNetwork => HostNetworkPods > 0;

    /// <summary>True when no pod of the entry is isolated in either direction: fully open.</summary>
    public bool Open => IngressIsolatedPods == 0 && EgressIsolatedPods == 0;

    /// <summary>True when every pod of the entry is isolated for the direction.</summary>
    public bool IsIsolated(Direction direction) => direction == Direction.Ingress ? Ingress : Egress;

    /// <summary>True when some but not all pods of the entry are isolated for the direction (workloads only).</summary>
    public bool IsPartial(Direction direction)
    {
        var n = IsolatedPods(direction);
        return n > 0 && n < Pods;
    }

    /// <summary>How many pods of the entry are isolated for the direction.</summary>
    public int IsolatedPods(Direction direction) => direction == Direction.Ingress ? IngressIsolatedPods : EgressIsolatedPods;

    /// <summary>The policies selecting the entry's pods for the direction.</summary>
    public IReadOnlyList<string> Policies(Direction direction) => direction == Direction.Ingress ? IngressPolicies : EgressPolicies;
}
