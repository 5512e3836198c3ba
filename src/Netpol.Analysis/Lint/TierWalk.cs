using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Lint;

/// <summary>
/// Small walks over the tiers for the tier lint rules, written after Semantics.EvaluateTier: which
/// rules decide which ports of one direction of one connection.
/// </summary>
internal static class TierWalk
{
    /// <summary>The field path of a rule: <c>spec.ingress[0]</c>.</summary>
    public static string PathOf(Direction direction, int index) => $"spec.{(direction == Direction.Ingress ? "ingress" : "egress")}[{index}]";

    /// <summary>How explanations name a rule: <c>[Admin] ClusterNetworkPolicy deny-dev ingress[0] Deny</c>.</summary>
    public static string NameOf(ClusterNetworkPolicy policy, Direction direction, int index) =>
        $"[{policy.Tier}] {policy.FullName} {(direction == Direction.Ingress ? "ingress" : "egress")}[{index}] {policy.Rules(direction)[index].Action}";

    /// <summary>The destination whose ports a rule's protocols resolve against.</summary>
    public static Endpoint Destination(Direction direction, Pod subject, Endpoint other) =>
        direction == Direction.Egress ? other : Endpoint.ForPod(subject);

    /// <summary>The ports the rule matches on this connection: none when no peer matches the other end.</summary>
    public static PortSet Matched(Cluster cluster, ClusterPolicyRule rule, Direction direction, Pod subject, Endpoint other) =>
        rule.Peers.Any(p => Semantics.PeerMatches(p, other, cluster))
            ? Semantics.PortsOf(rule, Destination(direction, subject, other))
            : PortSet.Empty;

    /// <summary>
    /// The ports some rule decides (Accept, Deny or Pass) before rule <paramref name="index"/> of
    /// <paramref name="policy"/> is reached: the policy's earlier rules, and every rule of the tier's policies with a
    /// lower priority that select the subject. Policies of equal priority are left out: their order is undefined.
    /// </summary>
    public static PortSet DecidedBefore(Cluster cluster, ClusterNetworkPolicy policy, Direction direction, int index, Pod subject, Endpoint other)
    {
        var decided = PortSet.Empty;
        foreach (var earlier in cluster.ClusterPolicies)
        {
            if (earlier.Tier != policy.Tier || earlier.Priority >= policy.Priority || !Semantics.Selects(earlier, subject, cluster))
            {
                continue;
            }

            foreach (var rule in earlier.Rules(direction))
            {
                decided = decided.Union(Matched(cluster, rule, direction, subject, other));
            }
        }

        var rules = policy.Rules(direction);
        for (var i = 0; i < index; i++)
        {
            decided = decided.Union(Matched(cluster, rules[i], direction, subject, other));
        }

        return decided;
    }

    /// <summary>
    /// What one policy alone decides on the connection: for each rule in order, the ports it decides that no earlier
    /// rule of the policy decided.
    /// </summary>
    public static List<(int Index, ClusterRuleAction Action, PortSet Ports)> Decisions(Cluster cluster, ClusterNetworkPolicy policy, Direction direction, Pod subject, Endpoint other)
    {
        var result = new List<(int, ClusterRuleAction, PortSet)>();
        var taken = PortSet.Empty;
        var rules = policy.Rules(direction);
        for (var i = 0; i < rules.Count; i++)
        {
            var ports = Matched(cluster, rules[i], direction, subject, other).Except(taken);
            if (!ports.IsEmpty)
            {
                result.Add((i, rules[i].Action, ports));
                taken = taken.Union(ports);
            }
        }

        return result;
    }

    /// <summary>
    /// The rule that decides one port of the connection in a tier (the tier's policies selecting the subject in
    /// evaluation order, rules in order), or null when none does.
    /// </summary>
    public static (ClusterNetworkPolicy Policy, int Index)? Decider(Cluster cluster, ClusterPolicyTier tier, Direction direction, Pod subject, Endpoint other, Protocol protocol, int port)
    {
        foreach (var policy in cluster.ClusterPolicies)
        {
            if (policy.Tier != tier || policy.Rules(direction).Count == 0 || !Semantics.Selects(policy, subject, cluster))
            {
                continue;
            }

            var rules = policy.Rules(direction);
            for (var i = 0; i < rules.Count; i++)
            {
                if (Matched(cluster, rules[i], direction, subject, other).Contains(port, protocol))
                {
                    return (policy, i);
                }
            }
        }

        return null;
    }

    /// <summary>One port of a set, for examples: the first port of its first range.</summary>
    public static (Protocol Protocol, int Port) Sample(PortSet ports)
    {
        var r = ports.Ranges[0];
        return (r.Protocol, r.Start);
    }

    /// <summary><c>80/TCP</c>.</summary>
    public static string Describe((Protocol Protocol, int Port) port) =>
        $"{port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{port.Protocol}";

    /// <summary>How a connection reads in messages, from the subject's side.</summary>
    public static string Connection(Direction direction, Pod subject, Endpoint other) =>
        direction == Direction.Ingress ? $"{other.Name} -> {subject.FullName}" : $"{subject.FullName} -> {other.Name}";
}
