using Netpol.Analysis.Describe;
using Netpol.Core.Explain;
using Netpol.Core.Model;

namespace Netpol.Rendering.Text;

/// <summary>
/// Writes <c>describe</c> results for people: a pod with its selecting policies and its peers grouped by allowed
/// ports (one line per namespace); a policy with what each rule admits, calling out rules and peers that match
/// nothing; a namespace with the namespaceSelectors that match it.
/// </summary>
public static class DescribeTextRenderer
{
    /// <summary>Writes a pod's description.</summary>
    public static void Write(PodDescription pod, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine($"pod {pod.Name}");
        if (pod.WorkloadKind is { } kind)
        {
            w.WriteLine($"  workload: the pod template of a {kind}");
        }
        else if (pod.Owner is { } owner)
        {
            w.WriteLine($"  owner: {owner}");
        }

        w.WriteLine($"  labels: {Labels(pod.Labels)}");
        w.WriteLine($"  ips: {(pod.IPs.Count == 0 ? "none (no status.podIP: no ipBlock matches it)" : string.Join(", ", pod.IPs))}");
        w.WriteLine($"  container ports: {(pod.Ports.Count == 0 ? "none" : string.Join(", ", pod.Ports.Select(p => p.Name is null ? $"{p.Port}/{p.Protocol}" : $"{p.Name} {p.Port}/{p.Protocol}")))}");
        if (pod.HostNetwork)
        {
            w.WriteLine("  hostNetwork: NetworkPolicy does not apply to it, and as a peer it carries the node's address, which pod and namespace selectors do not match");
        }

        foreach (var side in new[] { pod.Ingress, pod.Egress })
        {
            w.WriteLine();
            WriteSide(pod, side, w);
        }
    }

    /// <summary>Writes a policy's description.</summary>
    public static void Write(PolicyDescription policy, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine($"NetworkPolicy {policy.Name}");
        w.WriteLine($"  podSelector: {policy.PodSelector}");
        var types = new List<string>();
        if (policy.AffectsIngress)
        {
            types.Add("Ingress");
        }

        if (policy.AffectsEgress)
        {
            types.Add("Egress");
        }

        w.WriteLine($"  policyTypes: {string.Join(", ", types)}");
        if (policy.SelectsNothing)
        {
            w.WriteLine($"  selects no pod: podSelector {policy.PodSelector} matches no pod in {policy.Namespace}, so the policy isolates nothing");
        }
        else
        {
            w.WriteLine($"  selects {Count(policy.SelectedPods.Count, "pod")}:");
            WritePods(policy.SelectedPods, "    ", w);
        }

        if (policy.HostNetworkPods.Count > 0)
        {
            w.WriteLine($"  not subject to it (hostNetwork): {string.Join(", ", policy.HostNetworkPods)}");
        }

        foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
        {
            if (policy.DeniesAll(direction))
            {
                w.WriteLine();
                w.WriteLine($"{Word(direction)}: no rules: the selected pods allow no {Word(direction)}");
            }

            foreach (var rule in policy.RulesOf(direction))
            {
                w.WriteLine();
                WriteRule(rule, w);
            }
        }
    }

    /// <summary>Writes a cluster network policy's description.</summary>
    public static void Write(ClusterPolicyDescription policy, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine($"{policy.Kind} {policy.Name[(policy.Name.IndexOf('/', StringComparison.Ordinal) + 1)..]} ({policy.Name})");
        w.WriteLine($"  tier: {policy.Tier}, priority {policy.Priority}");
        w.WriteLine($"  subject: {policy.Subject}");
        w.WriteLine($"  namespaces: {(policy.SubjectNamespaces.Count == 0 ? "none (the namespace selector matches no namespace of the input)" : string.Join(", ", policy.SubjectNamespaces))}");
        if (policy.SubjectPods.Count == 0)
        {
            w.WriteLine("  selects no pod");
        }
        else
        {
            w.WriteLine($"  selects {Count(policy.SubjectPods.Count, "pod")}:");
            WritePods(policy.SubjectPods, "    ", w);
        }

        foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
        {
            foreach (var rule in policy.RulesOf(direction))
            {
                w.WriteLine();
                w.WriteLine($"{rule.Path}{RuleName(rule)}: {rule.Action} {(direction == Direction.Ingress ? "from" : "to")} {string.Join(" or ", rule.Peers.Select(p => p.Text))} on {ClusterPorts(rule)}");
                foreach (var p in rule.Peers)
                {
                    var label = p.Path[(rule.Path.Length + 1)..];
                    if (p.DependsOnDns)
                    {
                        w.WriteLine($"  {label} {p.Text}: depends on DNS (names resolved at run time; netpol counts it as matching nothing)");
                        continue;
                    }

                    var nodes = p.Nodes.Count > 0 ? $" (nodes: {string.Join(", ", p.Nodes)})" : string.Empty;
                    if (p.Pods.Count == 0)
                    {
                        w.WriteLine($"  {label} {p.Text}: no pod{nodes}");
                        continue;
                    }

                    w.WriteLine($"  {label} {p.Text}: {Count(p.Pods.Count, "pod")}{nodes}:");
                    WritePods(p.Pods, "    ", w);
                }

                if (rule.Action == ClusterRuleAction.Pass)
                {
                    w.WriteLine($"  Pass: what it matches skips the rest of the {policy.Tier} tier{(policy.Tier == ClusterPolicyTier.Admin ? " and goes to NetworkPolicy (or, for pods no NetworkPolicy isolates, the Baseline tier)" : " and is allowed by default")}");
                }
            }
        }
    }

    private static void WriteClusterPolicies(IReadOnlyList<ClusterPolicyDescription> policies, Direction direction, TextWriter w)
    {
        if (policies.Count == 0)
        {
            return;
        }

        w.WriteLine($"  cluster policies for {Word(direction)}, in evaluation order:");
        foreach (var p in policies)
        {
            w.WriteLine($"    [{p.Tier}] {p.Name} priority {p.Priority}");
            foreach (var r in p.RulesOf(direction))
            {
                var pass = r.Action != ClusterRuleAction.Pass ? string.Empty
                    : p.Tier == ClusterPolicyTier.Admin ? " (passes on to NetworkPolicy, or the Baseline tier)" : " (passes on to the default allow)";
                w.WriteLine($"      {Word(direction)}[{r.Index}]{RuleName(r)} {r.Action} {(direction == Direction.Ingress ? "from" : "to")} {string.Join(" or ", r.Peers.Select(x => x.Text))} on {ClusterPorts(r)}{pass}");
            }
        }
    }

    private static string RuleName(ClusterRuleDescription rule) => rule.Name is { } n ? $" \"{n}\"" : string.Empty;

    private static string ClusterPorts(ClusterRuleDescription rule) => rule.Ports.Count == 0 ? "every port" : string.Join(", ", rule.Ports);

    /// <summary>Writes a namespace's description.</summary>
    public static void Write(NamespaceDescription ns, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine($"namespace {ns.Name}{(ns.IsImplicit ? " (not declared in the input; used by its objects)" : string.Empty)}");
        w.WriteLine($"  labels: {Labels(ns.Labels)}");
        w.WriteLine($"  pods: {ns.Pods}");
        w.WriteLine($"  policies: {(ns.Policies.Count == 0 ? "none" : string.Join(", ", ns.Policies))}");
        if (ns.ClusterPolicies.Count > 0)
        {
            w.WriteLine("  cluster policies whose subject covers it, in evaluation order:");
            foreach (var p in ns.ClusterPolicies)
            {
                var here = p.SubjectPods.Count(x => x.StartsWith(ns.Name + "/", StringComparison.Ordinal));
                w.WriteLine($"    [{p.Tier}] {p.Name} priority {p.Priority}: {p.Subject} ({Count(here, "pod")} here)");
            }
        }

        w.WriteLine();
        if (ns.SelectedBy.Count == 0)
        {
            w.WriteLine("no namespaceSelector of any policy matches it");
            return;
        }

        w.WriteLine("matched by the namespaceSelector of:");
        foreach (var m in ns.SelectedBy)
        {
            var pods = m.PodSelector is null || m.PodSelector.IsEmpty
                ? $"all pods here ({m.MatchedPods})"
                : $"with podSelector {m.PodSelector}: {m.MatchedPods} of {ns.Pods} pods here";
            w.WriteLine($"  {m.Policy} {m.Path} ({Word(m.Direction)}): namespaceSelector {m.NamespaceSelector}, {pods}");
        }
    }

    private static void WriteSide(PodDescription pod, PodDirection side, TextWriter w)
    {
        var word = Word(side.Direction);
        if (side.Isolated)
        {
            w.WriteLine($"{word}: isolated by {string.Join(", ", side.Policies)}");
        }
        else if (pod.HostNetwork)
        {
            w.WriteLine($"{word}: open (hostNetwork: NetworkPolicy does not apply)");
        }
        else
        {
            w.WriteLine($"{word}: open (no policy selects it for {word})");
        }

        WriteClusterPolicies(side.ClusterPolicies, side.Direction, w);
        var peers = side.Peers.Sum(g => g.Pods.Count);
        var verb = side.Direction == Direction.Ingress ? "may be reached by" : "may reach";
        w.WriteLine(peers == 0 ? $"  {verb} no other pod" : $"  {verb} {Count(peers, "pod")}:");
        foreach (var g in side.Peers)
        {
            w.WriteLine($"    on {Ports(g.Ports)}:");
            WritePods(g.Pods, "      ", w);
        }

        if (side.AnyAddress)
        {
            w.WriteLine($"  addresses: any, on every port (not isolated for {word})");
            return;
        }

        if (side.AddressRules.Count == 0)
        {
            w.WriteLine("  addresses: none (no rule of the selecting policies has an ipBlock or admits every peer)");
            return;
        }

        w.WriteLine("  addresses:");
        foreach (var a in side.AddressRules)
        {
            var what = a.Block is null ? "any address" : a.Block.ToString();
            var ports = a.Ports.IsEmpty && side.Direction == Direction.Egress
                ? "no port (named ports never match an address outside the cluster)"
                : Ports(a.Ports);
            w.WriteLine($"    {what} on {ports} ({a.Policy} {a.Path})");
        }
    }

    private static void WriteRule(RuleDescription rule, TextWriter w)
    {
        var ports = rule.WrittenPorts.Count == 0 ? "every port" : string.Join(", ", rule.WrittenPorts);
        w.WriteLine($"{rule.Path}: {(rule.Direction == Direction.Ingress ? "from" : "to")} {PeersText(rule)} on {ports}");
        if (rule.AllPeers)
        {
            w.WriteLine($"  admits every pod ({rule.AdmittedPods.Count}) and every address: the rule has no {(rule.Direction == Direction.Ingress ? "from" : "to")}");
        }

        if (rule.AdmitsNothing)
        {
            w.WriteLine($"  admits no pod: {string.Join("; ", rule.Peers.Select(p => $"{p.Path[(rule.Path.Length + 1)..]} {NoMatch(p)}"))}");
        }

        foreach (var p in rule.AdmitsNothing ? [] : rule.Peers)
        {
            var label = p.Path[(rule.Path.Length + 1)..];
            if (p.IPBlock is { } block)
            {
                w.WriteLine(p.Pods.Count == 0
                    ? $"  {label} ipBlock {block}: addresses only (no pod IP of the input falls in it)"
                    : $"  {label} ipBlock {block}: addresses, and {Count(p.Pods.Count, "pod")} by IP: {string.Join(", ", p.Pods)}");
                continue;
            }

            if (p.MatchesNothing)
            {
                w.WriteLine($"  {label} {Explainer.DescribePeer(ToPeer(p))}: matches nothing: {NoMatch(p)}");
                continue;
            }

            w.WriteLine($"  {label} {Explainer.DescribePeer(ToPeer(p))}: {Count(p.Pods.Count, "pod")}:");
            WritePods(p.Pods, "    ", w);
        }

        if (rule.HasNamedPorts)
        {
            w.WriteLine($"  named ports resolved per destination pod ({(rule.Direction == Direction.Ingress ? "the selected pods" : "the admitted pods")}):");
            foreach (var d in rule.PortsByDestination)
            {
                w.WriteLine($"    {d.Destination}: {Ports(d.Ports)}");
            }

            if (rule.ResolvesToNoPort)
            {
                w.WriteLine($"  allows no port: no destination pod has a container port named {string.Join(", ", rule.WrittenPorts.Select(p => p.ToString()))}");
            }
        }
    }

    private static string PeersText(RuleDescription rule) =>
        rule.AllPeers ? "any peer" : string.Join(" or ", rule.Peers.Select(p => Explainer.DescribePeer(ToPeer(p))));

    private static PolicyPeer ToPeer(PeerDescription p) => new(p.PodSelector, p.NamespaceSelector, p.IPBlock);

    private static string NoMatch(PeerDescription p)
    {
        if (p.NamespaceSelector is { } nsSel && p.Namespaces.Count == 0)
        {
            return $"namespaceSelector {nsSel} matches no namespace";
        }

        var where = string.Join(", ", p.Namespaces);
        return p.PodSelector is null || p.PodSelector.IsEmpty
            ? $"{(p.Namespaces.Count == 1 ? "namespace" : "namespaces")} {where} {(p.Namespaces.Count == 1 ? "has" : "have")} no pods"
            : $"podSelector {p.PodSelector} matches no pod in {where}";
    }

    private static void WritePods(IReadOnlyList<string> pods, string indent, TextWriter w)
    {
        // One line per namespace: "webshop: deploy/backend, deploy/frontend".
        foreach (var group in pods.GroupBy(p => p[..p.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal))
        {
            w.WriteLine($"{indent}{group.Key}: {string.Join(", ", group.Select(p => p[(group.Key.Length + 1)..]))}");
        }
    }

    private static string Ports(PortSet ports) => ports.IsAll ? "every port" : ports.IsEmpty ? "no port" : ports.ToString();

    private static string Labels(IReadOnlyList<KeyValuePair<string, string>> labels) =>
        labels.Count == 0 ? "none" : string.Join(", ", labels.Select(kv => $"{kv.Key}={kv.Value}"));

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";

    private static string Word(Direction d) => d == Direction.Ingress ? "ingress" : "egress";
}
