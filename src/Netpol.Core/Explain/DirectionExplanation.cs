using Netpol.Core.Model;

namespace Netpol.Core.Explain;

/// <summary>
/// What one side of a connection decided: the source's egress or the destination's ingress. <see cref="Allowed"/> and
/// <see cref="AllowedPorts"/> are the side's verdict with every tier; <see cref="Rules"/> and
/// <see cref="SelectingPolicies"/> are the NetworkPolicy step, and <see cref="AdminSteps"/> and
/// <see cref="BaselineSteps"/> the cluster network policy rules walked before and after it.
/// </summary>
public sealed record DirectionExplanation(
    Direction Direction,
    Endpoint Subject,
    IsolationStatus Status,
    IReadOnlyList<NetworkPolicy> SelectingPolicies,
    IReadOnlyList<RuleOutcome> Rules,
    PortSet AllowedPorts,
    bool Allowed)
{
    /// <summary>
    /// True when the tiers apply to this side: the cluster has cluster network policies and the subject is a pod
    /// (not hostNetwork). Otherwise the side is NetworkPolicy alone, as without tiers.
    /// </summary>
    public bool Tiered { get; init; }

    /// <summary>The Admin-tier rules reached, in evaluation order, up to the one that decided or passed the port.</summary>
    public IReadOnlyList<TierStep> AdminSteps { get; init; } = [];

    /// <summary>The Baseline-tier rules reached (only when neither the Admin tier nor NetworkPolicy decided).</summary>
    public IReadOnlyList<TierStep> BaselineSteps { get; init; } = [];

    /// <summary>Which step decided the side (<see cref="TierDecision.None"/> when the side is not <see cref="Tiered"/>).</summary>
    public TierDecision DecidedBy { get; init; } = TierDecision.None;

    /// <summary>What NetworkPolicy alone decides for the side, whether or not it was consulted.</summary>
    public bool NetworkPolicyAllowed { get; init; } = true;

    /// <summary>Every tier step, Admin first.</summary>
    public IEnumerable<TierStep> TierSteps => AdminSteps.Concat(BaselineSteps);

    /// <summary>The step whose Accept or Deny decided the side, if a tier decided it.</summary>
    public TierStep? DecidingStep => TierSteps.FirstOrDefault(s => s.Decides);

    /// <summary>True when a rule with a <c>domainNames</c> peer was reached: the side's verdict depends on DNS.</summary>
    public bool DependsOnDns => TierSteps.Any(s => s.DependsOnDns);

    /// <summary>The rules that allow the connection.</summary>
    public IEnumerable<RuleOutcome> AllowingRules => Rules.Where(r => r.Allows);

    /// <summary>Rules that fail on exactly one of peer or port: the nearest misses.</summary>
    public IEnumerable<RuleOutcome> NearMisses => Rules.Where(r => r.PeerMatched != r.PortMatched);
}
