using System.Net;
using System.Net.Sockets;
using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Lint;

/// <summary>
/// A catch-all Deny of the cluster network policy tiers: the rules (in evaluation order) that together deny, on every
/// port, every other end a rule of the direction can name, so that only what an earlier rule accepts gets through.
/// </summary>
/// <param name="Tier">The tier of the rules.</param>
/// <param name="Direction">The direction.</param>
/// <param name="Rules">The Deny rules that make up the catch-all, in evaluation order.</param>
internal sealed record TierProtection(ClusterPolicyTier Tier, Direction Direction, IReadOnlyList<(ClusterNetworkPolicy Policy, int Index)> Rules)
{
    /// <summary>The policies, short names (<c>cnp/default-deny</c>), in evaluation order, each once.</summary>
    public string Policies => string.Join(" and ", Rules.Select(r => ClusterPolicyNames.Short(r.Policy)).Distinct(StringComparer.Ordinal));

    /// <summary>The rules as explanations name them: <c>[Baseline] cnp/default-deny ingress[0]</c>.</summary>
    public string RuleNames => string.Join(", ", Rules.Select(r => ClusterPolicyNames.Rule(r.Policy, Direction, r.Index)));

    private string Verb => Rules.Count == 1 ? "denies" : "deny";

    /// <summary>What the catch-all covers, and for ingress what it cannot: one clause for a finding message.</summary>
    public string Covers => Direction == Direction.Ingress
        ? $"{RuleNames} {Verb} ingress from every pod of every namespace that no earlier rule accepts (not from node or external addresses, hostNetwork pods included: cluster policy ingress rules cannot name them)"
        : $"{RuleNames} {Verb} egress to every pod and every address (0.0.0.0/0 and ::/0) that no earlier rule accepts";
}

/// <summary>
/// Decides whether the Admin or Baseline tier protects a pod (or every pod of a namespace) for a direction with a
/// catch-all Deny, written after Semantics.EvaluateTier. The tier's policies that apply are walked in evaluation order
/// (priority, then name), rules in order:
/// <list type="bullet">
/// <item>an Accept rule is allowed before the catch-all: what it accepts is meant to pass;</item>
/// <item>a Pass rule ends the search in its tier: what it passes leaves the tier (Admin: to NetworkPolicy, then
/// Baseline; Baseline: to the default allow), so no later Deny of the tier is a catch-all. A Pass of another policy at
/// the same priority also counts, since the API leaves the order of equal priorities undefined;</item>
/// <item>a Deny rule counts only when it matches every port (no <c>protocols</c>, or every protocol without a port)
/// and only through its catch-all peers: <c>namespaces: {}</c> or <c>pods: {namespaceSelector: {}, podSelector: {}}</c>
/// (every pod, present and future) and, for egress, <c>networks</c> (a narrower selector, even one that matches every
/// namespace of the input today, is not a catch-all);</item>
/// <item>ingress is covered once every pod is: ingress peers cannot name addresses, so node and external sources
/// (hostNetwork pods included) are never covered; egress once every pod is and the <c>networks</c> peers together
/// cover both 0.0.0.0/0 and ::/0.</item>
/// </list>
/// The Deny rules may be spread over several rules and policies of the tier. The Baseline tier is consulted only for
/// pods no NetworkPolicy isolates for the direction, which is the case callers ask about.
/// </summary>
internal static class TierCatchAll
{
    private static readonly Endpoint AnyDestination = Endpoint.ForAddress(IPAddress.Any);

    /// <summary>The catch-all protecting the pod for the direction, Admin tier first, or null.</summary>
    public static TierProtection? For(Cluster cluster, IReadOnlyList<ClusterNetworkPolicy> policies, Pod pod, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.HostNetwork)
        {
            return null;
        }

        bool Selects(ClusterNetworkPolicy p) => Semantics.Selects(p, pod, cluster);
        return Find(policies, direction, Selects, Selects);
    }

    /// <summary>
    /// The catch-all protecting every pod of the namespace, present and future, for the direction: its Deny rules must
    /// come from policies whose subject takes the namespace whole (a <c>namespaces</c> subject, or <c>pods</c> with
    /// podSelector <c>{}</c>), while a Pass of any policy whose subject can select a pod of the namespace counts.
    /// </summary>
    public static TierProtection? For(IReadOnlyList<ClusterNetworkPolicy> policies, Namespace ns, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(ns);
        bool MayApply(ClusterNetworkPolicy p) => p.Subject.NamespaceSelector.Matches(ns.Labels);
        bool Whole(ClusterNetworkPolicy p) => MayApply(p) && (p.Subject.PodSelector is null || p.Subject.PodSelector.IsEmpty);
        return Find(policies, direction, Whole, MayApply);
    }

    private static TierProtection? Find(IReadOnlyList<ClusterNetworkPolicy> policies, Direction direction, Func<ClusterNetworkPolicy, bool> denies, Func<ClusterNetworkPolicy, bool> mayApply)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return InTier(policies, ClusterPolicyTier.Admin, direction, denies, mayApply)
            ?? InTier(policies, ClusterPolicyTier.Baseline, direction, denies, mayApply);
    }

    private static TierProtection? InTier(IReadOnlyList<ClusterNetworkPolicy> policies, ClusterPolicyTier tier, Direction direction, Func<ClusterNetworkPolicy, bool> denies, Func<ClusterNetworkPolicy, bool> mayApply)
    {
        var applying = policies.Where(p => p.Tier == tier && p.Rules(direction).Count > 0 && mayApply(p)).ToList();
        var pods = false;
        var networks = new List<IPNetwork>();
        var rules = new List<(ClusterNetworkPolicy, int)>();
        foreach (var policy in applying)
        {
            var whole = denies(policy);
            var list = policy.Rules(direction);
            for (var i = 0; i < list.Count; i++)
            {
                var rule = list[i];
                if (rule.Action == ClusterRuleAction.Pass)
                {
                    return null;
                }

                if (rule.Action != ClusterRuleAction.Deny || !whole || !MatchesEveryPort(rule))
                {
                    continue;
                }

                var contributes = false;
                foreach (var peer in rule.Peers)
                {
                    if (IsEveryPod(peer))
                    {
                        contributes |= !pods;
                        pods = true;
                    }
                    else if (direction == Direction.Egress && peer.Networks is { } nets)
                    {
                        networks.AddRange(nets);
                        contributes = true;
                    }
                }

                if (!contributes)
                {
                    continue;
                }

                rules.Add((policy, i));
                if (pods && (direction == Direction.Ingress || (Covers(networks, AddressFamily.InterNetwork) && Covers(networks, AddressFamily.InterNetworkV6))))
                {
                    // The order of equal priorities is undefined: a Pass there may come first.
                    var tie = applying.Any(p => !ReferenceEquals(p, policy) && p.Priority == policy.Priority && p.Rules(direction).Any(r => r.Action == ClusterRuleAction.Pass));
                    return tie ? null : new TierProtection(tier, direction, rules);
                }
            }
        }

        return null;
    }

    /// <summary><c>namespaces: {}</c>, or <c>pods</c> with both selectors <c>{}</c>: every pod of every namespace, present and future.</summary>
    private static bool IsEveryPod(ClusterPolicyPeer peer) =>
        peer.NamespaceSelector is { IsEmpty: true } && (peer.PodSelector is null || peer.PodSelector.IsEmpty);

    private static bool MatchesEveryPort(ClusterPolicyRule rule)
    {
        if (rule.AllPorts)
        {
            return true;
        }

        // Named ports depend on the destination: they never make up every port.
        var set = PortSet.Empty;
        foreach (var port in rule.Ports.Where(p => p.NamedPort is null))
        {
            set = set.Union(Semantics.PortsOf(port, AnyDestination));
        }

        return set.IsAll;
    }

    /// <summary>True when the networks of the family, together, cover every address of it.</summary>
    internal static bool Covers(IEnumerable<IPNetwork> networks, AddressFamily family)
    {
        var bits = family == AddressFamily.InterNetwork ? 32 : 128;
        var ranges = networks.Where(n => n.BaseAddress.AddressFamily == family)
            .Select(n => (Start: ToNumber(n.BaseAddress), Bits: bits - n.PrefixLength))
            .Select(r => (r.Start, End: r.Bits == 128 ? UInt128.MaxValue : r.Start + ((UInt128.One << r.Bits) - 1)))
            .OrderBy(r => r.Start)
            .ToList();
        var last = bits == 128 ? UInt128.MaxValue : (UInt128.One << bits) - 1;
        UInt128 next = 0;
        foreach (var (start, end) in ranges)
        {
            if (start > next)
            {
                return false;
            }

            if (end >= last)
            {
                return true;
            }

            next = UInt128.Max(next, end + 1);
        }

        return false;
    }

    private static UInt128 ToNumber(IPAddress address)
    {
        UInt128 value = 0;
        foreach (var b in address.GetAddressBytes())
        {
            value = (value << 8) | b;
        }

        return value;
    }
}
