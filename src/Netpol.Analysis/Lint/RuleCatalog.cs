using Netpol.Analysis.Lint.Rules;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint;

/// <summary>Every lint rule, in the order they run and are listed.</summary>
public static class RuleCatalog
{
    /// <summary>The rules.</summary>
    public static IReadOnlyList<LintRule> All { get; } =
    [
        new DnsEgressMissingRule(),
        new DnsTcpMissingRule(),
        new SelectorMatchesNothingRule(),
        new PeerMatchesNothingRule(),
        new NamespaceLabelMissingRule(),
        new BroadCidrRule(),
        new IPBlockCoversPodsRule(),
        new NoDefaultDenyRule(Direction.Ingress),
        new NoDefaultDenyRule(Direction.Egress),
        new UnprotectedPodRule(),
        new PodWithoutLabelsRule(),
        new RulesIgnoredByPolicyTypesRule(),
        new NamedPortUnresolvedRule(),
        new NumericPortHasNameRule(),
        new ServicePortNotTargetPortRule(),
        new BroadNamespaceEgressRule(),
        new AllowAllRule(),
        new RedundantRuleRule(),
        new MissingDescriptionRule(),
        new CniWithoutPolicySupportRule(),
        new SamePriorityOverlapRule(),
        new ShadowedTierRuleRule(),
        new UnreachableTierRuleRule(),
        new ClusterPolicySelectsNothingRule(),
        new LegacyAdminNetworkPolicyRule(),
        new AdminDenyShadowsNetworkPolicyRule(),
        new TierDenyBlocksDnsRule(),
        new TierSubjectIncludesKubeSystemRule(),
        new DomainNamesDependOnDnsRule(),
        new CniDependentRule(),
    ];

    /// <summary>The rule with this id, if any.</summary>
    public static LintRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
