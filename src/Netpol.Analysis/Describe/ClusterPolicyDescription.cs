using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>
/// What <c>netpol describe clusterpolicy</c> shows, and what pod and namespace descriptions list for the cluster
/// network policies selecting them: the tier and priority, the subject and what it selects, and the rules in order.
/// </summary>
/// <param name="Name">The short name: <c>cnp/NAME</c>, <c>anp/NAME</c> or <c>banp/default</c>.</param>
/// <param name="Kind">ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy.</param>
/// <param name="Tier">Admin or Baseline.</param>
/// <param name="Priority">Its priority within the tier (lower first).</param>
/// <param name="Subject">The subject in words.</param>
/// <param name="SubjectNamespaces">The namespaces the subject's namespace selector matches.</param>
/// <param name="SubjectPods">The pods it applies to (hostNetwork pods never are), in cluster order.</param>
/// <param name="Rules">Its rules, ingress first, each in written order.</param>
public sealed record ClusterPolicyDescription(
    string Name,
    string Kind,
    ClusterPolicyTier Tier,
    int Priority,
    string Subject,
    IReadOnlyList<string> SubjectNamespaces,
    IReadOnlyList<string> SubjectPods,
    IReadOnlyList<ClusterRuleDescription> Rules)
{
    /// <summary>The rules of a direction, in order.</summary>
    public IEnumerable<ClusterRuleDescription> RulesOf(Direction direction) => Rules.Where(r => r.Direction == direction);

    /// <summary>The first rule of the direction with action Pass, if any: traffic it matches goes on to the next tier.</summary>
    public ClusterRuleDescription? FirstPass(Direction direction) => RulesOf(direction).FirstOrDefault(r => r.Action == ClusterRuleAction.Pass);
}
