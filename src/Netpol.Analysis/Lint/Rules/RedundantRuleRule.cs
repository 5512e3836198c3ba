using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>redundant-rule</c>: a rule that allows nothing beyond what other rules already allow to the same pods. For
/// every pod the policy selects, every peer the rule admits (every pod, and one address per piece of the address
/// space the ipBlocks cut) must get each of the rule's ports from some other rule of a policy selecting that pod.
/// Of two identical rules only the later one is reported. A rule that admits nothing at all for the pods it
/// selects is not reported: its peers or ports match nothing in the input, which is a typo for
/// <c>peer-matches-nothing</c> or <c>named-port-unresolved</c>, or peers (another namespace's pods) the input does
/// not show; either way deleting it is not the fix.
/// </summary>
public sealed class RedundantRuleRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "redundant-rule";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Info;

    /// <inheritdoc />
    public override string Summary => "a rule that allows nothing beyond other rules for the same pods";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cluster = context.Cluster;
        var dropped = new HashSet<(NetworkPolicy, Direction, int)>();
        var keys = new Dictionary<Pod, string>(ReferenceEqualityComparer.Instance);
        var admitted = new Dictionary<(NetworkPolicy, Direction, int), HashSet<Pod>>();
        var atoms = new Dictionary<Direction, IReadOnlyList<Endpoint>>();
        foreach (var direction in (Direction[])[Direction.Ingress, Direction.Egress])
        {
            var blocks = cluster.Policies.SelectMany(p => p.Rules(direction)).SelectMany(r => r.Peers).Where(p => p.IPBlock is not null).Select(p => p.IPBlock!);
            atoms[direction] = [.. AddressAtoms.Of(blocks).Select(Endpoint.ForAddress)];
        }

        foreach (var policy in cluster.Policies)
        {
            foreach (var direction in (Direction[])[Direction.Ingress, Direction.Egress])
            {
                var rules = policy.Rules(direction);
                var selected = context.SelectedPods(policy).DistinctBy(p => (LabelsKey(p.Labels), PortsKey(p))).ToList();
                if (rules.Count == 0 || selected.Count == 0)
                {
                    continue;
                }

                // Pods that differ only in their IPs are the same peer unless some rule involved has an ipBlock.
                var ipMatters = selected.SelectMany(p => context.SelectingPolicies(p, direction)).Distinct()
                    .SelectMany(q => q.Rules(direction)).Any(r => r.Peers.Any(pe => pe.IPBlock is not null));

                for (var i = rules.Count - 1; i >= 0; i--)
                {
                    var rule = rules[i];
                    var peers = Candidates(context, policy, rule, atoms[direction], ipMatters, keys);
                    if (!AdmitsSomething(direction, rule, selected, peers))
                    {
                        continue;
                    }

                    // A rule that admits nothing present in the input is not redundant: what it names may be missing
                    // from the input (kube-system, say), and peer-matches-nothing judges that case.
                    var coverers = new SortedSet<string>(StringComparer.Ordinal);
                    var redundant = selected.All(pod => Covered(context, policy, direction, i, rule, pod, peers, dropped, coverers, admitted));
                    if (!redundant || coverers.Count == 0)
                    {
                        continue;
                    }

                    dropped.Add((policy, direction, i));
                    var word = direction == Direction.Ingress ? "ingress" : "egress";
                    context.Report(
                        policy,
                        $"spec.{word}[{i}]",
                        $"allows nothing beyond {string.Join(", ", coverers)} for the pods it selects",
                        "delete the rule, or merge it into the rule that covers it");
                }
            }
        }
    }

    private static List<Endpoint> Candidates(
        LintContext context, NetworkPolicy policy, PolicyRule rule, IReadOnlyList<Endpoint> atoms, bool ipMatters, Dictionary<Pod, string> keys)
    {
        // Every policy that can select a pod of this namespace lives in it, so a peer pod matters only through:
        // whether it is in this namespace, which of those policies' namespaceSelectors match its namespace, its
        // labels and ports, hostNetwork, and (with ipBlocks) its IPs. Pods alike in all of these are one candidate.
        var selectors = context.Cluster.PoliciesIn(policy.Namespace)
            .SelectMany(q => q.Ingress.Concat(q.Egress)).SelectMany(r => r.Peers)
            .Select(pe => pe.NamespaceSelector).OfType<LabelSelector>().Distinct().ToList();
        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        string Signature(string ns)
        {
            if (!signatures.TryGetValue(ns, out var sig))
            {
                var labels = context.Cluster.FindNamespace(ns)!.Labels;
                sig = ns == policy.Namespace ? "=" : string.Concat(selectors.Select(x => x.Matches(labels) ? '1' : '0'));
                signatures[ns] = sig;
            }

            return sig;
        }

        string Key(Pod p)
        {
            if (!keys.TryGetValue(p, out var key))
            {
                key = $"{LabelsKey(p.Labels)}|{PortsKey(p)}|{p.HostNetwork}";
                keys[p] = key;
            }

            var full = $"{Signature(p.Namespace)}|{key}";
            return ipMatters ? $"{full}|{string.Join(",", p.IPs)}" : full;
        }

        var result = context.PodsAdmittedBy(policy, rule).DistinctBy(Key).Select(Endpoint.ForPod).ToList();
        if (rule.AllPeers || rule.Peers.Any(p => p.IPBlock is not null))
        {
            result.AddRange(atoms.Where(a => Semantics.RuleAdmits(policy, rule, a, context.Cluster)));
        }

        return result;
    }

    private static bool AdmitsSomething(Direction direction, PolicyRule rule, List<Pod> selected, List<Endpoint> peers) =>
        selected.Any(pod => peers.Any(peer => !Semantics.PortsOf(rule, direction == Direction.Ingress ? Endpoint.ForPod(pod) : peer).IsEmpty));

    private static bool Covered(
        LintContext context, NetworkPolicy policy, Direction direction, int index, PolicyRule rule, Pod pod,
        List<Endpoint> peers, HashSet<(NetworkPolicy, Direction, int)> dropped, SortedSet<string> coverers,
        Dictionary<(NetworkPolicy, Direction, int), HashSet<Pod>> admitted)
    {
        var cluster = context.Cluster;
        var self = Endpoint.ForPod(pod);
        var others = new List<(NetworkPolicy Policy, int Index, PolicyRule Rule)>();
        foreach (var q in context.SelectingPolicies(pod, direction))
        {
            var qRules = q.Rules(direction);
            for (var k = 0; k < qRules.Count; k++)
            {
                if ((ReferenceEquals(q, policy) && k == index) || dropped.Contains((q, direction, k)))
                {
                    continue;
                }

                others.Add((q, k, qRules[k]));
            }
        }

        if (others.Count == 0)
        {
            return false;
        }

        foreach (var peer in peers)
        {
            var destination = direction == Direction.Ingress ? self : peer;
            var wanted = Semantics.PortsOf(rule, destination);
            if (wanted.IsEmpty)
            {
                continue;
            }

            var have = PortSet.Empty;
            foreach (var (q, k, other) in others)
            {
                var admits = peer.Pod is { } p
                    ? other.AllPeers || Admitted(context, admitted, q, direction, k, other).Contains(p)
                    : Semantics.RuleAdmits(q, other, peer, cluster);
                if (!admits)
                {
                    continue;
                }

                var add = Semantics.PortsOf(other, destination);
                if (!add.Intersect(wanted).IsEmpty)
                {
                    coverers.Add($"{(ReferenceEquals(q, policy) ? string.Empty : q.Name + " ")}spec.{(direction == Direction.Ingress ? "ingress" : "egress")}[{k}]");
                }

                have = have.Union(add);
                if (have.Intersect(wanted).Equals(wanted))
                {
                    break;
                }
            }

            if (!have.Intersect(wanted).Equals(wanted))
            {
                return false;
            }
        }

        return true;
    }

    // The pods a rule admits, as a set, computed once per rule.
    private static HashSet<Pod> Admitted(
        LintContext context, Dictionary<(NetworkPolicy, Direction, int), HashSet<Pod>> cache, NetworkPolicy policy, Direction direction, int index, PolicyRule rule)
    {
        if (!cache.TryGetValue((policy, direction, index), out var set))
        {
            set = new HashSet<Pod>(context.PodsAdmittedBy(policy, rule), ReferenceEqualityComparer.Instance);
            cache[(policy, direction, index)] = set;
        }

        return set;
    }

    private static string LabelsKey(IReadOnlyDictionary<string, string> labels) =>
        string.Join(",", labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));

    private static string PortsKey(Pod pod) => string.Join(",", pod.Ports.Select(c => $"{c.Name}:{c.Port}/{c.Protocol}"));
}
