using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Core.Explain;

/// <summary>
/// Explains one connection rule by rule: which policies select each end, which rule allowed it, and for a denial
/// the nearest misses and the smallest change that would allow it. Uses the reference semantics, so what it says
/// is what the reference evaluator decides.
/// </summary>
public sealed class Explainer
{
    private readonly Cluster _cluster;
    private readonly ReferenceEvaluator? _tiers;

    /// <summary>Creates an explainer over a cluster.</summary>
    public Explainer(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        _cluster = cluster;
        _tiers = cluster.HasClusterPolicies ? new ReferenceEvaluator(cluster) : null;
    }

    /// <summary>Explains whether <paramref name="from"/> may connect to <paramref name="to"/> on the port.</summary>
    public ConnectionExplanation Explain(Endpoint from, Endpoint to, int port, Protocol protocol)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var egress = Side(Direction.Egress, from, to, to, port, protocol);
        var ingress = Side(Direction.Ingress, to, from, to, port, protocol);
        egress = egress with { NetworkPolicyAllowed = egress.Allowed };
        ingress = ingress with { NetworkPolicyAllowed = ingress.Allowed };
        var samePod = from.Pod is not null && ReferenceEquals(from.Pod, to.Pod);
        var allowed = samePod || (egress.Allowed && ingress.Allowed);
        var notes = new List<string>();
        if (samePod)
        {
            notes.Add($"{from} connecting to itself is always allowed: NetworkPolicy does not apply to a pod's traffic to itself");
        }

        foreach (var (e, role) in new[] { (from, "source"), (to, "destination") })
        {
            if (e.Pod is { HostNetwork: true } hp)
            {
                notes.Add($"{hp.FullName} uses hostNetwork: NetworkPolicy does not apply to it, and as a peer it carries the node's address, which pod and namespace selectors do not match (CNIs differ here)");
            }
            else if (e.Pod is { HasNoIP: true } np && HasIPBlockRules(egress, ingress))
            {
                notes.Add($"{np.FullName} ({role}) has no IP (no status.podIP in the input), so ipBlock peers cannot match it");
            }
        }

        var undefined = new List<UndefinedOrder>();
        if (_tiers is not null && !samePod)
        {
            egress = WithTiers(egress, from, to, port, protocol);
            ingress = WithTiers(ingress, to, from, port, protocol);
            allowed = egress.Allowed && ingress.Allowed;
            undefined.AddRange(UndefinedOrders(egress, from, to, port, protocol, ingress.AllowedPorts));
            undefined.AddRange(UndefinedOrders(ingress, from, to, port, protocol, egress.AllowedPorts));
        }

        // Suggestions change NetworkPolicy; a side a tier denied needs its cluster network policy changed instead.
        var suggestions = allowed ? [] : Suggest(Fixable(egress), Fixable(ingress), port, protocol);
        foreach (var side in new[] { egress, ingress })
        {
            if (!side.Allowed && side.DecidingStep is { } step)
            {
                suggestions.Add(step.Tier == ClusterPolicyTier.Admin
                    ? $"{step.Reference} denies it, and no NetworkPolicy can override an Admin Deny: change {ClusterPolicyNames.Short(step.Policy)} (or add an earlier Accept rule to the Admin tier)"
                    : $"{step.Reference} denies it: a NetworkPolicy selecting {side.Subject} for {side.Direction.ToString().ToLowerInvariant()} that allows it decides before the Baseline tier; or change {ClusterPolicyNames.Short(step.Policy)} (or add an earlier Accept rule to the Baseline tier)");
            }
        }

        return new ConnectionExplanation(from, to, port, protocol, allowed, samePod, egress, ingress, notes, suggestions)
        {
            Tiered = _tiers is not null,
            UndefinedOrders = undefined,
        };
    }

    // Only a side NetworkPolicy decided (or that has no tiers) gets NetworkPolicy suggestions.
    private static DirectionExplanation Fixable(DirectionExplanation side) =>
        side.DecidedBy is TierDecision.None or TierDecision.NetworkPolicy ? side : side with { Allowed = true };

    /// <summary>
    /// Adds the tier walk to a side NetworkPolicy has explained: the Admin tier, then NetworkPolicy when it isolates
    /// the subject, else the Baseline tier, then the default allow. The verdict is the port's fate in that walk, which
    /// is what <see cref="ReferenceEvaluator.DirectionPorts(Direction, Endpoint, Endpoint)"/> decides for it.
    /// </summary>
    private DirectionExplanation WithTiers(DirectionExplanation side, Endpoint subject, Endpoint other, int port, Protocol protocol)
    {
        if (subject.Pod is not { HostNetwork: false } pod)
        {
            return side;
        }

        var direction = side.Direction;
        var destination = direction == Direction.Egress ? other : subject;
        var ports = _tiers!.DirectionPorts(direction, subject, other);
        var admin = Walk(ClusterPolicyTier.Admin, direction, pod, other, destination, port, protocol, PortSet.All);
        var result = side with { Tiered = true, AdminSteps = admin.Steps, AllowedPorts = ports };
        if (admin.Decider is { } a)
        {
            return result with { DecidedBy = TierDecision.Admin, Allowed = a.Action == ClusterRuleAction.Accept };
        }

        if (side.Status == IsolationStatus.Isolated)
        {
            return result with { DecidedBy = TierDecision.NetworkPolicy, Allowed = side.NetworkPolicyAllowed };
        }

        // The walk stops at the probed port's decision; the ports the whole Admin tier leaves undecided come from Semantics.
        var undecided = Semantics.EvaluateTier(_cluster, ClusterPolicyTier.Admin, direction, pod, other, PortSet.All).Undecided;
        var baseline = Walk(ClusterPolicyTier.Baseline, direction, pod, other, destination, port, protocol, undecided);
        if (baseline.Decider is { } b)
        {
            return result with { BaselineSteps = baseline.Steps, DecidedBy = TierDecision.Baseline, Allowed = b.Action == ClusterRuleAction.Accept };
        }

        return result with { BaselineSteps = baseline.Steps, DecidedBy = TierDecision.Default, Allowed = true };
    }

    /// <summary>
    /// Walks one tier for the probed port: the tier's policies that select the subject and have rules for the
    /// direction, in the cluster's order, rules as written. Every rule reached is a step, up to the first that matches
    /// the port: Accept and Deny decide it, Pass ends the tier for it. The undecided ports follow every port the way
    /// <see cref="Semantics.EvaluateTier(Cluster, ClusterPolicyTier, Direction, Pod, Endpoint, PortSet)"/> does, so that
    /// each step can say which ports it covers.
    /// </summary>
    private (List<TierStep> Steps, TierStep? Decider) Walk(
        ClusterPolicyTier tier, Direction direction, Pod subject, Endpoint other, Endpoint destination, int port, Protocol protocol, PortSet undecided)
    {
        var steps = new List<TierStep>();
        foreach (var policy in _cluster.ClusterPolicies)
        {
            if (policy.Tier != tier || policy.Rules(direction).Count == 0 || !Semantics.Selects(policy, subject, _cluster))
            {
                continue;
            }

            var rules = policy.Rules(direction);
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                var ports = Semantics.PortsOf(rule, destination).Intersect(undecided);
                var peer = FirstMatchingPeer(rule, other);
                if (!ports.Contains(port, protocol))
                {
                    if (peer is not null)
                    {
                        undecided = undecided.Except(ports);
                    }

                    steps.Add(new TierStep(policy, direction, i, TierStepResult.PortNotMatched, peer, ports, PortMiss(rule, destination, port, protocol)));
                    continue;
                }

                if (peer is not { } index)
                {
                    var dns = rule.Peers.Any(p => p.IsDomainNames);
                    steps.Add(new TierStep(policy, direction, i, dns ? TierStepResult.DependsOnDns : TierStepResult.PeerNotMatched, null, ports, ClusterPeerMisses(rule, other)));
                    continue;
                }

                var step = new TierStep(policy, direction, i, TierStepResult.Matched, index, ports, rule.Peers[index].ToString());
                steps.Add(step);
                return (steps, step.Decides ? step : null);
            }
        }

        return (steps, null);
    }

    private int? FirstMatchingPeer(ClusterPolicyRule rule, Endpoint other)
    {
        for (var j = 0; j < rule.Peers.Count; j++)
        {
            if (Semantics.PeerMatches(rule.Peers[j], other, _cluster))
            {
                return j;
            }
        }

        return null;
    }

    private static string PortMiss(ClusterPolicyRule rule, Endpoint destination, int port, Protocol protocol)
    {
        var written = string.Join(", ", rule.Ports);
        var resolved = Semantics.PortsOf(rule, destination);
        return resolved.IsEmpty
            ? $"{port}/{protocol} is not among its ports ({written} resolve to no port of {destination})"
            : $"{port}/{protocol} is not among its ports ({written})";
    }

    private string ClusterPeerMisses(ClusterPolicyRule rule, Endpoint other) =>
        string.Join("; ", rule.Peers.Select(p => ClusterPeerMiss(p, other)));

    private string ClusterPeerMiss(ClusterPolicyPeer peer, Endpoint other)
    {
        if (peer.DomainNames is { } names)
        {
            return $"domainNames {string.Join(", ", names)}: depends on DNS (cannot be decided statically; counted as not matching)";
        }

        if (peer.Networks is not null || peer.Nodes is not null)
        {
            if (other.Addresses.Count == 0)
            {
                return $"{peer}: {other} has no IP, so no address peer can match it";
            }

            var where = peer.Networks is not null ? "in none of the networks" : "the address of no matching node";
            return $"{peer}: {string.Join(", ", other.Addresses)} is {where}";
        }

        if (other.Pod is not { } pod)
        {
            return $"{peer}: {other} is not a pod; only networks and nodes peers match addresses";
        }

        if (pod.HostNetwork)
        {
            return $"{peer}: {pod.FullName} uses hostNetwork; selectors do not match it";
        }

        var reasons = new List<string>();
        var ns = _cluster.NamespaceOf(pod);
        foreach (var r in peer.NamespaceSelector!.Failing(ns.Labels))
        {
            reasons.Add($"namespace {ns.Name} {Lacks(r, ns.Labels)}");
        }

        foreach (var r in peer.PodSelector?.Failing(pod.Labels) ?? [])
        {
            reasons.Add($"pod {pod.FullName} {Lacks(r, pod.Labels)}");
        }

        return $"{peer}: {string.Join("; ", reasons)}";
    }

    /// <summary>
    /// Pairs of policies of one tier and priority, both selecting the side's subject and both reached, whose first rules
    /// matching the connection act differently: with the pair swapped the side (and so the connection) may differ.
    /// </summary>
    private List<UndefinedOrder> UndefinedOrders(DirectionExplanation side, Endpoint from, Endpoint to, int port, Protocol protocol, PortSet otherSide)
    {
        var found = new List<UndefinedOrder>();
        if (!side.Tiered)
        {
            return found;
        }

        var subject = side.Subject;
        var other = side.Direction == Direction.Egress ? to : from;
        var destination = to;
        var pod = subject.Pod!;
        var reached = side.TierSteps.Select(s => s.Policy).ToHashSet(ReferenceEqualityComparer.Instance);
        var candidates = _cluster.ClusterPolicies
            .Where(p => p.Rules(side.Direction).Count > 0 && Semantics.Selects(p, pod, _cluster))
            .Select(p => (Policy: p, Action: FirstMatchingAction(p, side.Direction, other, destination, port, protocol)))
            .Where(x => x.Action is not null)
            .ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            for (var j = i + 1; j < candidates.Count; j++)
            {
                var (a, actionA) = candidates[i];
                var (b, actionB) = candidates[j];
                if (a.Tier != b.Tier || a.Priority != b.Priority || actionA == actionB || !reached.Contains(a))
                {
                    continue;
                }

                var order = _cluster.ClusterPolicies.Select(p => ReferenceEquals(p, a) ? b : ReferenceEquals(p, b) ? a : p).ToList();
                var swapped = _tiers!.DirectionPorts(side.Direction, subject, other, order).Intersect(otherSide);
                found.Add(new UndefinedOrder(side.Direction, a.Tier, a.Priority, a, actionA!.Value, b, actionB!.Value, swapped.Contains(port, protocol), swapped));
            }
        }

        return found;
    }

    private ClusterRuleAction? FirstMatchingAction(ClusterNetworkPolicy policy, Direction direction, Endpoint other, Endpoint destination, int port, Protocol protocol)
    {
        foreach (var rule in policy.Rules(direction))
        {
            if (Semantics.PortsOf(rule, destination).Contains(port, protocol) && FirstMatchingPeer(rule, other) is not null)
            {
                return rule.Action;
            }
        }

        return null;
    }

    private static bool HasIPBlockRules(DirectionExplanation a, DirectionExplanation b) =>
        a.Rules.Concat(b.Rules).Any(r => r.Policy.Rules(r.Direction)[r.RuleIndex].Peers.Any(p => p.IPBlock is not null));

    private DirectionExplanation Side(Direction direction, Endpoint subject, Endpoint other, Endpoint destination, int port, Protocol protocol)
    {
        if (subject.Pod is not { } pod)
        {
            return new(direction, subject, IsolationStatus.External, [], [], PortSet.All, true);
        }

        if (pod.HostNetwork)
        {
            return new(direction, subject, IsolationStatus.HostNetwork, [], [], PortSet.All, true);
        }

        var selecting = _cluster.PoliciesIn(pod.Namespace).Where(p => Semantics.Selects(p, pod, direction)).ToList();
        if (selecting.Count == 0)
        {
            return new(direction, subject, IsolationStatus.NotIsolated, [], [], PortSet.All, true);
        }

        var outcomes = new List<RuleOutcome>();
        var allowedPorts = PortSet.Empty;
        foreach (var policy in selecting)
        {
            var rules = policy.Rules(direction);
            for (var i = 0; i < rules.Count; i++)
            {
                var outcome = Evaluate(policy, direction, i, rules[i], other, destination, port, protocol);
                outcomes.Add(outcome);
                if (outcome.PeerMatched)
                {
                    allowedPorts = allowedPorts.Union(outcome.Ports);
                }
            }
        }

        return new(direction, subject, IsolationStatus.Isolated, selecting, outcomes, allowedPorts, outcomes.Any(o => o.Allows));
    }

    private RuleOutcome Evaluate(NetworkPolicy policy, Direction direction, int index, PolicyRule rule, Endpoint other, Endpoint destination, int port, Protocol protocol)
    {
        bool peerMatched;
        int? peerIndex = null;
        var misses = new List<string>();
        if (rule.AllPeers)
        {
            peerMatched = true;
        }
        else
        {
            peerMatched = false;
            for (var j = 0; j < rule.Peers.Count; j++)
            {
                if (Semantics.PeerMatches(policy, rule.Peers[j], other, _cluster))
                {
                    peerMatched = true;
                    peerIndex = j;
                    break;
                }

                misses.Add(DescribeMiss(policy, rule.Peers[j], other));
            }
        }

        var ports = Semantics.PortsOf(rule, destination);
        var portMatched = ports.Contains(port, protocol);
        int? portIndex = null;
        if (!rule.AllPorts && portMatched)
        {
            for (var k = 0; k < rule.Ports.Count; k++)
            {
                if (Semantics.PortsOf(rule.Ports[k], destination).Contains(port, protocol))
                {
                    portIndex = k;
                    break;
                }
            }
        }

        return new RuleOutcome(policy, direction, index, peerMatched, peerIndex, portMatched, portIndex, ports, DescribePeers(rule), misses);
    }

    /// <summary>Describes a rule's peers the way a person would say them.</summary>
    public static string DescribePeers(PolicyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.AllPeers ? "any peer" : string.Join(" or ", rule.Peers.Select(DescribePeer));
    }

    /// <summary>One peer in words: <c>pods app=api in namespaces team=ops</c>, <c>10.0.0.0/8 except 10.1.0.0/16</c>.</summary>
    public static string DescribePeer(PolicyPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (peer.IPBlock is { } b)
        {
            return b.ToString();
        }

        var pods = peer.PodSelector is null || peer.PodSelector.IsEmpty ? "all pods" : $"pods {peer.PodSelector}";
        if (peer.NamespaceSelector is null)
        {
            return $"{pods} in the policy's namespace";
        }

        return peer.NamespaceSelector.IsEmpty ? $"{pods} in all namespaces" : $"{pods} in namespaces {peer.NamespaceSelector}";
    }

    private string DescribeMiss(NetworkPolicy policy, PolicyPeer peer, Endpoint other)
    {
        if (peer.IPBlock is { } block)
        {
            if (other.Pod is { HasNoIP: true } p)
            {
                return $"ipBlock {block}: {p.FullName} has no IP, so no ipBlock can match it";
            }

            var address = other.Addresses[0];
            var ex = block.Except.FirstOrDefault(e => e.Contains(address));
            return block.Cidr.Contains(address)
                ? $"ipBlock {block}: {address} is in the excepted range {ex}"
                : $"ipBlock {block}: {address} is outside {block.Cidr}";
        }

        if (other.Pod is not { } pod)
        {
            return $"{DescribePeer(peer)}: {other} is not a pod; only ipBlock peers match addresses";
        }

        if (pod.HostNetwork)
        {
            return $"{DescribePeer(peer)}: {pod.FullName} uses hostNetwork; selectors do not match it";
        }

        if (peer.NamespaceSelector is null && pod.Namespace != policy.Namespace)
        {
            return $"{DescribePeer(peer)}: a podSelector without namespaceSelector selects pods of namespace {policy.Namespace} only, and {pod.FullName} is in {pod.Namespace}";
        }

        var reasons = new List<string>();
        if (peer.NamespaceSelector is { } nsSel)
        {
            var ns = _cluster.NamespaceOf(pod);
            foreach (var r in nsSel.Failing(ns.Labels))
            {
                reasons.Add($"namespace {ns.Name} {Lacks(r, ns.Labels)}");
            }
        }

        if (peer.PodSelector is { } podSel)
        {
            foreach (var r in podSel.Failing(pod.Labels))
            {
                reasons.Add($"pod {pod.FullName} {Lacks(r, pod.Labels)}");
            }
        }

        return $"{DescribePeer(peer)}: {string.Join("; ", reasons)}";
    }

    private static string Lacks(LabelRequirement r, IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(r.Key, out var v);
        return r.Operator switch
        {
            SelectorOperator.In or SelectorOperator.Exists when has => $"has {r.Key}={v}, needs {r}",
            SelectorOperator.In or SelectorOperator.Exists => $"has no label {r.Key} (needs {r})",
            _ => $"has {r.Key}={v}, needs {r}",
        };
    }

    private List<string> Suggest(DirectionExplanation egress, DirectionExplanation ingress, int port, Protocol protocol)
    {
        var suggestions = new List<string>();
        foreach (var side in new[] { egress, ingress })
        {
            if (side.Allowed)
            {
                continue;
            }

            var other = side.Direction == Direction.Egress ? ingress.Subject : egress.Subject;
            var fixes = new List<(int Cost, string Text)>();
            foreach (var rule in side.Rules)
            {
                if (rule.PeerMatched && !rule.PortMatched)
                {
                    var dir = rule.Direction == Direction.Ingress ? "ingress" : "egress";
                    fixes.Add((1, $"add port {port}/{protocol} to {rule.Policy.FullName} {dir}[{rule.RuleIndex}].ports (it allows {rule.PeerText} on {rule.Ports} only)"));
                }
                else if (rule.PortMatched && !rule.PeerMatched)
                {
                    var p = rule.Policy.Rules(rule.Direction)[rule.RuleIndex];
                    foreach (var peer in p.Peers)
                    {
                        if (LabelFix(rule.Policy, peer, other) is { } fix)
                        {
                            fixes.Add(fix);
                        }
                    }
                }
            }

            if (fixes.Count > 0)
            {
                var best = fixes.Min(f => f.Cost);
                suggestions.AddRange(fixes.Where(f => f.Cost == best).Select(f => f.Text).Distinct());
            }
            else
            {
                var subject = side.Subject.Pod!;
                var dir = side.Direction == Direction.Ingress ? "ingress" : "egress";
                var peerWord = side.Direction == Direction.Ingress ? "from" : "to";
                suggestions.Add($"no {dir} rule of the policies selecting {subject.FullName} ({string.Join(", ", side.SelectingPolicies.Select(p => p.Name))}) admits {other}; add one: " +
                    $"{dir}: [{{{peerWord}: [{PeerSnippet(subject, other)}], ports: [{{port: {port}, protocol: {protocol}}}]}}]");
            }
        }

        return suggestions;
    }

    private static string PeerSnippet(Pod subject, Endpoint other)
    {
        if (other.Pod is not { } pod)
        {
            var a = other.Address!;
            return $"{{ipBlock: {{cidr: {a}/{(a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)}}}}}";
        }

        var labels = pod.Labels.Where(kv => kv.Key != "pod-template-hash").OrderBy(kv => kv.Key, StringComparer.Ordinal).Take(2)
            .Select(kv => $"{kv.Key}: {kv.Value}").ToList();
        var podSel = labels.Count == 0 ? "{}" : $"{{matchLabels: {{{string.Join(", ", labels)}}}}}";
        if (pod.Namespace == subject.Namespace)
        {
            return $"{{podSelector: {podSel}}}";
        }

        return $"{{namespaceSelector: {{matchLabels: {{{Namespace.NameLabel}: {pod.Namespace}}}}}, podSelector: {podSel}}}";
    }

    private (int Cost, string Text)? LabelFix(NetworkPolicy policy, PolicyPeer peer, Endpoint other)
    {
        if (peer.IPBlock is not null || other.Pod is not { HostNetwork: false } pod)
        {
            return null;
        }

        if (peer.NamespaceSelector is null && pod.Namespace != policy.Namespace)
        {
            return null;
        }

        var steps = new List<string>();
        if (peer.NamespaceSelector is { } nsSel)
        {
            var ns = _cluster.NamespaceOf(pod);
            foreach (var r in nsSel.Failing(ns.Labels))
            {
                if (LabelCommand(r, $"namespace {ns.Name}") is not { } cmd)
                {
                    return null;
                }

                steps.Add(cmd);
            }
        }

        if (peer.PodSelector is { } podSel)
        {
            foreach (var r in podSel.Failing(pod.Labels))
            {
                var step = pod.WorkloadKind is null
                    ? LabelCommand(r, $"pod {pod.Name} -n {pod.Namespace}")
                    : TemplateLabel(r, pod.FullName);
                if (step is null)
                {
                    return null;
                }

                steps.Add(step);
            }
        }

        return steps.Count == 0 ? null : (steps.Count + 1, string.Join(" and ", steps));
    }

    private static string? TemplateLabel(LabelRequirement r, string workload) => r.Operator switch
    {
        SelectorOperator.In => $"set label {r.Key}={r.Values[0]} on the pod template of {workload}",
        SelectorOperator.Exists => $"set a label {r.Key} on the pod template of {workload}",
        SelectorOperator.DoesNotExist => $"remove label {r.Key} from the pod template of {workload}",
        _ => null,
    };

    private static string? LabelCommand(LabelRequirement r, string target) => r.Operator switch
    {
        SelectorOperator.In => $"kubectl label {target} {r.Key}={r.Values[0]} --overwrite",
        SelectorOperator.Exists => $"kubectl label {target} {r.Key}=<any value>",
        SelectorOperator.DoesNotExist => $"kubectl label {target} {r.Key}-",
        _ => null,
    };
}
