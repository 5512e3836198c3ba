using Netpol.Core.Model;

namespace Netpol.Core.Explain;

/// <summary>How explanations name cluster network policies and their rules: <c>cnp/NAME</c>, <c>anp/NAME</c>, <c>banp/default</c>.</summary>
public static class ClusterPolicyNames
{
    /// <summary>The short name: <c>cnp/</c> for ClusterNetworkPolicy, <c>anp/</c> and <c>banp/</c> for the legacy kinds.</summary>
    public static string Short(ClusterNetworkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var prefix = policy.Kind switch
        {
            "AdminNetworkPolicy" => "anp",
            "BaselineAdminNetworkPolicy" => "banp",
            _ => "cnp",
        };
        return $"{prefix}/{policy.Name}";
    }

    /// <summary>The tier in brackets, as explanation lines start: <c>[Admin]</c>, <c>[Baseline]</c>.</summary>
    public static string TierLabel(ClusterPolicyTier tier) => tier == ClusterPolicyTier.Admin ? "[Admin]" : "[Baseline]";

    /// <summary>A rule as explanations name it: <c>[Admin] cnp/deny-dev-to-prod ingress[0]</c>.</summary>
    public static string Rule(ClusterNetworkPolicy policy, Direction direction, int index)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return $"{TierLabel(policy.Tier)} {Short(policy)} {(direction == Direction.Ingress ? "ingress" : "egress")}[{index}]";
    }
}
