using Netpol.Core.Explain;
using Netpol.Core.Model;

namespace Netpol.Analysis.Audit;

/// <summary>
/// One rule of a cluster network policy and how many observed flows it decided on its side (the source's egress or
/// the destination's ingress): flows it matched while their port was still undecided, so that its action applied
/// (Accept or Deny decided; Pass handed the flow on to the next tier). A flow counts once per side.
/// </summary>
public sealed record ClusterRuleUsage(ClusterNetworkPolicy Policy, Direction Direction, int Index, long Flows)
{
    /// <summary>The rule as written.</summary>
    public ClusterPolicyRule ClusterRule => Policy.Rules(Direction)[Index];

    /// <summary>The rule as in YAML: <c>ingress[0]</c>, <c>egress[1]</c>.</summary>
    public string Rule => $"{(Direction == Direction.Ingress ? "ingress" : "egress")}[{Index}]";

    /// <summary>The rule as <c>netpol check</c> names it: <c>[Admin] cnp/deny-dev-to-prod ingress[0]</c>.</summary>
    public string Reference => ClusterPolicyNames.Rule(Policy, Direction, Index);
}
