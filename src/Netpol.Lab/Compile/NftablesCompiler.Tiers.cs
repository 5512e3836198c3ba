using System.Net;
using System.Net.Sockets;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Lab.Compile;

/// <summary>
/// The cluster network policy tiers, compiled with the engine's semantics (Semantics.EvaluateTier):
/// <list type="bullet">
/// <item>a pod some Admin policy selects gets a per-pod chain that jumps to those policies' chains in evaluation
/// order and then goes to the rest of its evaluation: <c>NAME_netpol</c> (its NetworkPolicies, then drop) when a
/// NetworkPolicy isolates it, else <c>NAME_baseline</c> (its Baseline policies, then the default accept). Without
/// Admin policies the per-pod chain is that rest itself.</item>
/// <item>a cluster policy chain holds one nft rule per rule, peer and protocol, in written order: Accept is
/// <c>accept</c>, Deny is <c>drop</c>, and Pass looks the subject's address up in a <c>pass_*</c> verdict map that
/// goes to the pod's rest chain, skipping every remaining Admin rule. The rest chain always ends in a verdict, so
/// the goto never returns into the Admin tier.</item>
/// <item>peers: <c>namespaces</c>/<c>pods</c> become named sets of pod addresses (never hostNetwork pods);
/// <c>networks</c> stay CIDRs, minus the placeholders of pods without an IP; <c>nodes</c> become sets of the
/// matching Node objects' addresses; <c>domainNames</c> cannot be compiled: a comment stands in, the peer matches
/// nothing (as in the engine), and the ruleset lists it in <see cref="NftRuleset.Uncompiled"/>.</item>
/// <item>named ports match the destination pod's container ports of that name in any protocol.</item>
/// </list>
/// </summary>
public static partial class NftablesCompiler
{
    private sealed partial class Builder
    {
        private readonly Dictionary<(ClusterNetworkPolicy, Direction), string> _clusterChains = [];
        private readonly List<UncompiledPeer> _uncompiled = [];
        private readonly Dictionary<ClusterNetworkPolicy, List<Pod>> _clusterSubjects = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<ClusterNetworkPolicy, HashSet<Pod>> _subjectSets = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<(LabelSelector, LabelSelector?), List<Pod>> _clusterPeerMatches = [];
        private readonly HashSet<(Direction, IPAddress)> _passed = [];
        private readonly Dictionary<Direction, List<(IPAddress Address, string Chain)>> _pass = new()
        {
            [Direction.Ingress] = [],
            [Direction.Egress] = [],
        };

        private bool _usesPass;

        /// <summary>The tier's policies that select the pod and have rules for the direction, in evaluation order.</summary>
        private List<ClusterNetworkPolicy> TierPolicies(ClusterPolicyTier tier, Pod pod, Direction direction)
        {
            if (!_cluster.HasClusterPolicies)
            {
                return [];
            }

            return _cluster.ClusterPolicies
                .Where(p => p.Tier == tier && p.Rules(direction).Count > 0 && IsSubject(p, pod))
                .ToList();
        }

        /// <summary>The pods a cluster policy applies to, computed once per policy (a set lookup per pod after that).</summary>
        private List<Pod> SubjectsOf(ClusterNetworkPolicy policy)
        {
            if (!_clusterSubjects.TryGetValue(policy, out var pods))
            {
                var namespaces = NamespacesMatching(policy.Subject.NamespaceSelector).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
                pods = _cluster.Pods.Where(p => namespaces.Contains(p.Namespace) && Semantics.Selects(policy, p, _cluster)).ToList();
                _clusterSubjects[policy] = pods;
                _subjectSets[policy] = new HashSet<Pod>(pods, ReferenceEqualityComparer.Instance);
            }

            return pods;
        }

        private bool IsSubject(ClusterNetworkPolicy policy, Pod pod)
        {
            SubjectsOf(policy);
            return _subjectSets[policy].Contains(pod);
        }

        private string ClusterPolicyChain(ClusterNetworkPolicy policy, Direction direction)
        {
            if (_clusterChains.TryGetValue((policy, direction), out var existing))
            {
                return existing;
            }

            var dir = direction == Direction.Ingress ? "ingress" : "egress";
            var name = _names.Chain($"{ShortKind(policy)}_{policy.Name}_{(direction == Direction.Ingress ? "in" : "out")}");
            _clusterChains[(policy, direction)] = name;
            var lines = new List<string>();
            var rules = policy.Rules(direction);
            for (var i = 0; i < rules.Count; i++)
            {
                CompileClusterRule(policy, direction, rules[i], i, lines);
            }

            AddChain(name, lines);
            return name;
        }

        private void CompileClusterRule(ClusterNetworkPolicy policy, Direction direction, ClusterPolicyRule rule, int index, List<string> lines)
        {
            var dir = direction == Direction.Ingress ? "ingress" : "egress";
            var peerField = direction == Direction.Ingress ? "from" : "to";
            var comment = $"[{policy.Tier}] {ShortKind(policy)}/{policy.Name} {dir}[{index}] {rule.Action}";
            var verdict = Verdict(policy, direction, rule.Action);
            var numbered = PortSet.Empty;
            foreach (var port in rule.Ports.Where(p => p.NamedPort is null))
            {
                numbered = numbered.Union(Semantics.PortsOf(port, Endpoint.ForAddress(IPAddress.Any)));
            }

            var named = rule.Ports.Where(p => p.NamedPort is not null).ToList();
            for (var j = 0; j < rule.Peers.Count; j++)
            {
                var peer = rule.Peers[j];
                var label = $"{dir}[{index}].{peerField}[{j}]";
                if (peer.IsDomainNames)
                {
                    _uncompiled.Add(new UncompiledPeer(policy, direction, index, j));
                    lines.Add($"# {comment}: {peerField}[{j}] {peer}: decided by DNS at run time; compiled as matching nothing, as the engine does");
                    continue;
                }

                var peerConditions = ClusterPeerConditions(policy, direction, peer, label);
                if (rule.AllPorts)
                {
                    Emit(lines, peerConditions, [Condition.Any(string.Empty)], verdict, comment);
                    continue;
                }

                if (!numbered.IsEmpty)
                {
                    Emit(lines, peerConditions, PortConditions(numbered), verdict, $"{comment} {Describe(numbered)}");
                }

                if (named.Count > 0)
                {
                    EmitClusterNamed(lines, policy, direction, peer, peerConditions, named, verdict, comment);
                }
            }
        }

        /// <summary>
        /// The verdict of a rule. Pass goes to the subject's rest chain through the pass map (keyed by the subject's
        /// address: the source in egress, the destination in ingress). The Baseline tier has no Pass (refused at
        /// load); were one there, what it passes on is allowed by default, so it compiles to accept.
        /// </summary>
        private List<Condition> Verdict(ClusterNetworkPolicy policy, Direction direction, ClusterRuleAction action)
        {
            switch (action)
            {
                case ClusterRuleAction.Deny:
                    return [Condition.Any("drop")];
                case ClusterRuleAction.Pass when policy.Tier == ClusterPolicyTier.Admin:
                    _usesPass = true;
                    var field = direction == Direction.Ingress ? "daddr" : "saddr";
                    return
                    [
                        new Condition(AddressFamily.InterNetwork, $"ip {field} vmap @{PassMap(direction, AddressFamily.InterNetwork)}"),
                        new Condition(AddressFamily.InterNetworkV6, $"ip6 {field} vmap @{PassMap(direction, AddressFamily.InterNetworkV6)}"),
                    ];
                default:
                    return [Condition.Any("accept")];
            }
        }

        /// <summary>The conditions a cluster policy peer puts on the other end's address (one per address family).</summary>
        private List<Condition> ClusterPeerConditions(ClusterNetworkPolicy policy, Direction direction, ClusterPolicyPeer peer, string label)
        {
            var field = direction == Direction.Ingress ? "saddr" : "daddr";
            if (peer.Networks is { } networks)
            {
                var result = new List<Condition>();
                foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
                {
                    // CIDRs either nest or are disjoint: keeping the outermost ones avoids overlapping set intervals.
                    var cidrs = networks.Where(n => n.BaseAddress.AddressFamily == family).Distinct().ToList();
                    cidrs = cidrs.Where(n => !cidrs.Any(o => o != n && o.PrefixLength < n.PrefixLength && o.Contains(n.BaseAddress))).ToList();
                    if (cidrs.Count == 0)
                    {
                        continue;
                    }

                    var ip = Ip(family);
                    var value = cidrs.Count == 1 ? Cidr(cidrs[0]) : $"{{ {string.Join(", ", cidrs.Select(Cidr))} }}";
                    var text = $"{ip} {field} {value}";
                    if (_plan.Placeholders.Any(a => a.AddressFamily == family))
                    {
                        // A pod without an IP has no address a network could contain.
                        text += $" {ip} {field} != @{PlaceholderSet(family)}";
                    }

                    result.Add(new Condition(family, text));
                }

                return result;
            }

            var setName = $"{ShortKind(policy)}_{policy.Name}_{label}";
            if (peer.Nodes is { } nodeSelector)
            {
                var nodes = _cluster.Nodes.Where(n => nodeSelector.Matches(n.Labels)).ToList();
                var selected = nodes.Count == 0 ? "no nodes" : string.Join(" ", nodes.Select(n => n.Name));
                return AddressSets(setName, $"{policy.FullName} {label}: {selected}", nodes.SelectMany(n => n.Addresses).Distinct().ToList(), field, nodes.Count == 0);
            }

            var pods = ClusterPeerMatches(peer);
            var who = pods.Count == 0 ? "no pods" : string.Join(" ", pods.Take(8).Select(p => p.FullName)) + (pods.Count > 8 ? $" and {pods.Count - 8} more" : string.Empty);
            return AddressSets(setName, $"{policy.FullName} {label}: {who}", pods.SelectMany(p => _plan.AddressesOf(p)).Distinct().ToList(), field, pods.Count == 0);
        }

        /// <summary>
        /// Named sets of addresses, one per family that has some. When nothing matches, one empty IPv4 set keeps the
        /// rule visible (it matches nothing).
        /// </summary>
        private List<Condition> AddressSets(string name, string comment, List<IPAddress> addresses, string field, bool nothing)
        {
            var result = new List<Condition>();
            foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
            {
                var list = addresses.Where(a => a.AddressFamily == family).Select(a => a.ToString()).ToList();
                if (list.Count == 0 && (family == AddressFamily.InterNetworkV6 || !nothing))
                {
                    continue;
                }

                var set = _names.Set($"{name}_{(family == AddressFamily.InterNetwork ? "v4" : "v6")}");
                _sets.Add((set, family == AddressFamily.InterNetwork ? "ipv4_addr" : "ipv6_addr", comment, list));
                result.Add(new Condition(family, $"{Ip(family)} {field} @{set}"));
            }

            return result;
        }

        /// <summary>The pods a <c>namespaces</c> or <c>pods</c> peer matches, computed once per distinct peer.</summary>
        private List<Pod> ClusterPeerMatches(ClusterPolicyPeer peer)
        {
            var key = (peer.NamespaceSelector!, peer.PodSelector);
            if (!_clusterPeerMatches.TryGetValue(key, out var pods))
            {
                pods = NamespacesMatching(peer.NamespaceSelector!)
                    .SelectMany(n => _cluster.PodsIn(n.Name))
                    .Where(p => Semantics.PeerMatches(peer, Endpoint.ForPod(p), _cluster))
                    .OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
                    .ToList();
                _clusterPeerMatches[key] = pods;
            }

            return pods;
        }

        /// <summary>
        /// Named ports resolve against the destination: in ingress the policy's subjects, in egress every pod the
        /// peer matches. A cluster policy's named port matches container ports of that name in any protocol.
        /// </summary>
        private void EmitClusterNamed(List<string> lines, ClusterNetworkPolicy policy, Direction direction, ClusterPolicyPeer peer, List<Condition> peerConditions, List<ClusterPolicyPort> named, List<Condition> verdict, string comment)
        {
            IEnumerable<Pod> destinations = direction == Direction.Ingress
                ? (_onlyPod is null ? SubjectsOf(policy) : IsSubject(policy, _onlyPod) ? [_onlyPod] : [])
                : peer.IsSelector ? ClusterPeerMatches(peer)
                : _cluster.Pods.Where(p => Semantics.PeerMatches(peer, Endpoint.ForPod(p), _cluster));
            var groups = destinations
                .Select(pod => (Pod: pod, Ports: named.Aggregate(PortSet.Empty, (s, port) => s.Union(Semantics.PortsOf(port, Endpoint.ForPod(pod))))))
                .Where(x => !x.Ports.IsEmpty)
                .GroupBy(x => x.Ports.ToString(), StringComparer.Ordinal)
                .ToList();
            var names = string.Join(",", named.Select(p => p.ToString()));
            if (groups.Count == 0)
            {
                lines.Add($"# {comment} named port {names}: no destination pod declares it, so it matches nothing");
                return;
            }

            foreach (var group in groups)
            {
                var ports = group.First().Ports;
                var addresses = group.SelectMany(x => _plan.AddressesOf(x.Pod)).Distinct().ToList();
                var destination = AddressConditions("daddr", addresses);

                // In egress the destinations already are the peer's matches, so only ingress keeps the peer test.
                var conditions = direction == Direction.Ingress ? Combine(peerConditions, destination) : destination;
                Emit(lines, conditions, PortConditions(ports), verdict, $"{comment} {names}={Describe(ports)}");
            }
        }

        private static void Emit(List<string> lines, List<Condition> peers, List<Condition> ports, List<Condition> verdict, string comment)
        {
            foreach (var c in Combine(Combine(peers, ports), verdict))
            {
                lines.Add($"{c.Text} comment {Quote(comment)}");
            }
        }

        private static string PassMap(Direction direction, AddressFamily family) =>
            $"pass_{(direction == Direction.Ingress ? "ingress" : "egress")}_{(family == AddressFamily.InterNetwork ? "v4" : "v6")}";
    }

    /// <summary>How rule comments and chain names abbreviate the kind: cnp, anp (legacy Admin) or banp (legacy Baseline).</summary>
    internal static string ShortKind(ClusterNetworkPolicy policy) => policy.Kind switch
    {
        "AdminNetworkPolicy" => "anp",
        "BaselineAdminNetworkPolicy" => "banp",
        _ => "cnp",
    };
}
