using Netpol.Core.Model;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Audit;

/// <summary>What replaying observed traffic against the policies found.</summary>
/// <param name="Summary">The totals.</param>
/// <param name="Denied">Flows the policies would deny, grouped by workloads and port, most flows first.</param>
/// <param name="Rules">Every rule of every policy (in policy order, ingress then egress) with the flows it admitted.</param>
/// <param name="SilentWorkloads">Workloads that sent or received no flow in the window.</param>
/// <param name="Unknown">In-cluster endpoints that matched nothing, most flows first.</param>
public sealed record AuditResult(
    AuditSummary Summary,
    IReadOnlyList<DeniedFlows> Denied,
    IReadOnlyList<RuleUsage> Rules,
    IReadOnlyList<SilentWorkload> SilentWorkloads,
    IReadOnlyList<UnknownEndpoint> Unknown)
{
    /// <summary>
    /// Every rule of every cluster network policy (in evaluation order: tier, priority, name; ingress then egress) with
    /// the flows it decided. Empty without cluster network policies.
    /// </summary>
    public IReadOnlyList<ClusterRuleUsage> ClusterRules { get; init; } = [];

    /// <summary>The network plugin profile the flows were replayed under (<c>--cni NAME</c>); null for upstream semantics.</summary>
    public CniProfile? Cni { get; init; }

    /// <summary>The cluster network policies the plugin does not implement: they decide nothing under <see cref="Cni"/>.</summary>
    public IReadOnlyList<ClusterNetworkPolicy> IgnoredClusterPolicies { get; init; } = [];

    /// <summary>Cluster network policy rules that decided no observed flow.</summary>
    public IEnumerable<ClusterRuleUsage> UnusedClusterRules => ClusterRules.Where(r => r.Flows == 0);

    /// <summary>Rules that admitted no observed flow: candidates for tightening, once the window is long enough.</summary>
    public IEnumerable<RuleUsage> UnusedRules => Rules.Where(r => r.Flows == 0);

    /// <summary>True when some observed flow would be denied.</summary>
    public bool AnyDenied => Summary.Denied > 0;
}
