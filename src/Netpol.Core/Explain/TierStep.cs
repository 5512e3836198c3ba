using Netpol.Core.Model;

namespace Netpol.Core.Explain;

/// <summary>
/// One rule of a cluster network policy selecting the subject, reached while the probed port was still undecided,
/// and what it did with that port. Steps are listed in evaluation order (tier, priority, name, rules as written) up
/// to and including the one that decided (Accept, Deny) or passed the port on (Pass).
/// </summary>
/// <param name="Policy">The policy the rule belongs to.</param>
/// <param name="Direction">The rule's direction: the subject's ingress or egress.</param>
/// <param name="RuleIndex">i in <c>ingress[i]</c> or <c>egress[i]</c>.</param>
/// <param name="Result">Whether it matched the port, and if not, why not.</param>
/// <param name="PeerIndex">For a match, the first peer that matched the other end.</param>
/// <param name="Ports">
/// The ports of the rule, toward the destination, that were still undecided when it was reached: what it decides
/// for this pair of endpoints when it matches.
/// </param>
/// <param name="Reason">For a match, the matching peer in words; otherwise why the rule did not match.</param>
public sealed record TierStep(
    ClusterNetworkPolicy Policy,
    Direction Direction,
    int RuleIndex,
    TierStepResult Result,
    int? PeerIndex,
    PortSet Ports,
    string Reason)
{
    /// <summary>The tier of the rule's policy.</summary>
    public ClusterPolicyTier Tier => Policy.Tier;

    /// <summary>The rule as written.</summary>
    public ClusterPolicyRule Rule => Policy.Rules(Direction)[RuleIndex];

    /// <summary>The rule's action.</summary>
    public ClusterRuleAction Action => Rule.Action;

    /// <summary>The rule's name, when it has one.</summary>
    public string? RuleName => Rule.Name;

    /// <summary>True when the rule matched the port (its action applies).</summary>
    public bool Matched => Result == TierStepResult.Matched;

    /// <summary>True when the rule was not counted because its <c>domainNames</c> peer cannot be decided statically.</summary>
    public bool DependsOnDns => Result == TierStepResult.DependsOnDns;

    /// <summary>True when the rule decided the port: a matching Accept or Deny.</summary>
    public bool Decides => Matched && Action != ClusterRuleAction.Pass;

    /// <summary>The rule as explanations name it: <c>[Admin] cnp/deny-dev-to-prod ingress[0]</c>.</summary>
    public string Reference => ClusterPolicyNames.Rule(Policy, Direction, RuleIndex);
}
