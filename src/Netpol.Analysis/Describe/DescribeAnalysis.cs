using System.Net;
using Netpol.Analysis.Matrix;
using Netpol.Core.Engine;
using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Describe;

/// <summary>
/// Runs <c>netpol describe</c>: the two-way selection index. For a pod, the policies selecting it and who reaches
/// whom through it; for a policy, the pods it selects and what each rule admits; for a namespace, its policies and
/// the namespaceSelectors, anywhere, that match it. Unknown names raise a <see cref="Core.NetpolException"/> that
/// lists close candidates.
/// </summary>
public static class DescribeAnalysis
{
    /// <summary>Describes a pod (<c>ns/name</c>, <c>name</c> in default, or <c>ns/deploy/web</c>) using the fast engine.</summary>
    public static PodDescription Pod(Cluster cluster, string name) => Pod(cluster, name, EngineKind.Fast);

    /// <summary>Describes a pod, computing connectivity with the given engine.</summary>
    public static PodDescription Pod(Cluster cluster, string name, EngineKind engine)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(name);
        var pod = DescribeNames.FindPod(cluster, name);
        var connectivity = MatrixAnalysis.CreateEngine(cluster, engine);
        return new PodDescription(
            pod.FullName,
            pod.Namespace,
            SortedLabels(pod.Labels),
            pod.WorkloadKind,
            pod.Owner,
            pod.HostNetwork,
            pod.IPs.Select(ip => ip.ToString()).ToList(),
            pod.Ports,
            DescribeDirection(cluster, connectivity, pod, Direction.Ingress),
            DescribeDirection(cluster, connectivity, pod, Direction.Egress));
    }

    /// <summary>Describes a policy (<c>ns/name</c>, or <c>name</c> in default).</summary>
    public static PolicyDescription Policy(Cluster cluster, string name)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(name);
        var policy = DescribeNames.FindPolicy(cluster, name);
        var matched = cluster.PodsIn(policy.Namespace).Where(p => policy.PodSelector.Matches(p.Labels)).ToList();
        var selected = matched.Where(p => !p.HostNetwork).ToList();
        var rules = new List<RuleDescription>();
        foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
        {
            var list = policy.Rules(direction);
            for (var i = 0; i < list.Count; i++)
            {
                rules.Add(DescribeRule(cluster, policy, direction, i, list[i], selected));
            }
        }

        return new PolicyDescription(
            policy.FullName,
            policy.Namespace,
            policy.PodSelector,
            policy.AffectsIngress,
            policy.AffectsEgress,
            selected.Select(p => p.FullName).ToList(),
            matched.Where(p => p.HostNetwork).Select(p => p.FullName).ToList(),
            rules);
    }

    /// <summary>
    /// Describes a cluster network policy (<c>NAME</c>, <c>cnp/NAME</c>, <c>anp/NAME</c>, <c>banp/default</c>): its tier
    /// and priority, the namespaces and pods its subject selects, and its rules in order with their peers resolved.
    /// </summary>
    public static ClusterPolicyDescription ClusterPolicy(Cluster cluster, string name)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(name);
        return DescribeClusterPolicy(cluster, DescribeNames.FindClusterPolicy(cluster, name));
    }

    /// <summary>
    /// Describes every cluster network policy of the cluster in evaluation order: the Admin tier by priority, then the
    /// Baseline tier by priority (ties broken the way the engine breaks them).
    /// </summary>
    public static IReadOnlyList<ClusterPolicyDescription> ClusterPolicies(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.ClusterPolicies.Select(p => DescribeClusterPolicy(cluster, p)).ToList();
    }

    private static ClusterPolicyDescription DescribeClusterPolicy(Cluster cluster, ClusterNetworkPolicy policy)
    {
        var namespaces = cluster.Namespaces.Where(n => policy.Subject.NamespaceSelector.Matches(n.Labels)).Select(n => n.Name).ToList();
        var pods = cluster.Pods.Where(p => Semantics.Selects(policy, p, cluster)).Select(p => p.FullName).ToList();
        var rules = new List<ClusterRuleDescription>();
        foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
        {
            var list = policy.Rules(direction);
            for (var i = 0; i < list.Count; i++)
            {
                var rule = list[i];
                var path = RulePath(direction, i);
                var peers = rule.Peers.Select((peer, j) => DescribeClusterPeer(cluster, peer, PeerPath(direction, i, j))).ToList();
                rules.Add(new ClusterRuleDescription(direction, i, path, rule.Name, rule.Action, peers, rule.Ports.Select(p => p.ToString()).ToList()));
            }
        }

        return new ClusterPolicyDescription(
            ClusterPolicyNames.Short(policy), policy.Kind, policy.Tier, policy.Priority, policy.Subject.ToString(), namespaces, pods, rules);
    }

    private static ClusterPeerDescription DescribeClusterPeer(Cluster cluster, ClusterPolicyPeer peer, string path)
    {
        if (peer.IsDomainNames)
        {
            return new ClusterPeerDescription(path, peer.ToString(), [], [], [], true);
        }

        // Semantics.PeerMatches decides each pod: selectors by labels, networks and nodes by the pod's addresses.
        var pods = cluster.Pods.Where(p => Semantics.PeerMatches(peer, Endpoint.ForPod(p), cluster)).Select(p => p.FullName).ToList();
        var namespaces = peer.NamespaceSelector is { } selector
            ? cluster.Namespaces.Where(n => selector.Matches(n.Labels)).Select(n => n.Name).ToList()
            : [];
        var nodes = peer.Nodes is { } nodeSelector
            ? cluster.Nodes.Where(n => nodeSelector.Matches(n.Labels)).Select(n => n.Name).ToList()
            : [];
        return new ClusterPeerDescription(path, peer.ToString(), namespaces, pods, nodes, false);
    }

    /// <summary>Describes a namespace.</summary>
    public static NamespaceDescription Namespace(Cluster cluster, string name)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(name);
        var ns = DescribeNames.FindNamespace(cluster, name);
        var pods = cluster.PodsIn(ns.Name);
        var matches = new List<NamespaceSelectorMatch>();
        foreach (var policy in cluster.Policies)
        {
            foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
            {
                var rules = policy.Rules(direction);
                for (var i = 0; i < rules.Count; i++)
                {
                    for (var j = 0; j < rules[i].Peers.Count; j++)
                    {
                        var peer = rules[i].Peers[j];
                        if (peer.NamespaceSelector is not { } selector || !selector.Matches(ns.Labels))
                        {
                            continue;
                        }

                        var matched = pods.Count(p => Semantics.PeerMatches(policy, peer, Endpoint.ForPod(p), cluster));
                        matches.Add(new NamespaceSelectorMatch(policy.FullName, PeerPath(direction, i, j), direction, selector, peer.PodSelector, matched));
                    }
                }
            }
        }

        return new NamespaceDescription(
            ns.Name,
            SortedLabels(ns.Labels),
            ns.IsImplicit,
            pods.Count,
            cluster.PoliciesIn(ns.Name).Select(p => p.Name).ToList(),
            matches)
        {
            ClusterPolicies = cluster.ClusterPolicies.Where(p => p.Subject.NamespaceSelector.Matches(ns.Labels))
                .Select(p => DescribeClusterPolicy(cluster, p)).ToList(),
        };
    }

    private static PodDirection DescribeDirection(Cluster cluster, IConnectivityEngine engine, Pod pod, Direction direction)
    {
        var selecting = cluster.PoliciesIn(pod.Namespace).Where(p => Semantics.Selects(p, pod, direction)).ToList();
        var subject = Endpoint.ForPod(pod);
        var groups = new Dictionary<PortSet, List<string>>();
        foreach (var other in cluster.Pods)
        {
            // A pod may always reach itself; listing it would say nothing about policies.
            if (ReferenceEquals(other, pod))
            {
                continue;
            }

            var peer = Endpoint.ForPod(other);
            var ports = direction == Direction.Ingress ? engine.AllowedPorts(peer, subject) : engine.AllowedPorts(subject, peer);
            if (ports.IsEmpty)
            {
                continue;
            }

            if (!groups.TryGetValue(ports, out var names))
            {
                names = [];
                groups[ports] = names;
            }

            names.Add(other.FullName);
        }

        var peers = groups.OrderBy(g => g.Key, PortSetOrder.Instance)
            .Select(g => new PeerGroup(g.Key, g.Value))
            .ToList();
        var addressRules = new List<AddressRule>();
        foreach (var policy in selecting)
        {
            var rules = policy.Rules(direction);
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                if (!rule.AllPeers && rule.Peers.All(p => p.IPBlock is null))
                {
                    continue;
                }

                // Ingress: the destination is the pod itself; egress: an address, which no named port matches.
                var destination = direction == Direction.Ingress ? subject : Endpoint.ForAddress(IPAddress.Any);
                var ports = Semantics.PortsOf(rule, destination);
                if (rule.AllPeers)
                {
                    addressRules.Add(new AddressRule(policy.Name, RulePath(direction, i), null, ports));
                    continue;
                }

                for (var j = 0; j < rule.Peers.Count; j++)
                {
                    if (rule.Peers[j].IPBlock is { } block)
                    {
                        addressRules.Add(new AddressRule(policy.Name, PeerPath(direction, i, j), block, ports));
                    }
                }
            }
        }

        return new PodDirection(direction, selecting.Count > 0, selecting.Select(p => p.Name).ToList(), peers, selecting.Count == 0, addressRules)
        {
            ClusterPolicies = cluster.ClusterPolicies.Where(p => p.Rules(direction).Count > 0 && Semantics.Selects(p, pod, cluster))
                .Select(p => DescribeClusterPolicy(cluster, p)).ToList(),
        };
    }

    private static RuleDescription DescribeRule(Cluster cluster, NetworkPolicy policy, Direction direction, int index, PolicyRule rule, List<Pod> selected)
    {
        var peers = new List<PeerDescription>();
        var admitted = new HashSet<Pod>(ReferenceEqualityComparer.Instance);
        for (var j = 0; j < rule.Peers.Count; j++)
        {
            var (peer, pods) = DescribePeer(cluster, policy, rule.Peers[j], PeerPath(direction, index, j), j);
            peers.Add(peer);
            admitted.UnionWith(pods);
        }

        var admittedPods = rule.AllPeers ? [.. cluster.Pods] : cluster.Pods.Where(admitted.Contains).ToList();
        var byDestination = new List<PortResolution>();
        if (rule.Ports.Any(p => p.Name is not null))
        {
            // Named ports resolve against the destination: the selected pod for ingress, the peer for egress.
            var destinations = direction == Direction.Ingress ? selected : admittedPods;
            byDestination.AddRange(destinations.Select(d => new PortResolution(d.FullName, Semantics.PortsOf(rule, Endpoint.ForPod(d)))));
        }

        return new RuleDescription(
            direction,
            index,
            RulePath(direction, index),
            rule.AllPeers,
            peers,
            admittedPods.Select(p => p.FullName).ToList(),
            rule.Ports,
            byDestination);
    }

    private static (PeerDescription Peer, List<Pod> Pods) DescribePeer(Cluster cluster, NetworkPolicy policy, PolicyPeer peer, string path, int index)
    {
        // Only pods where a selector peer can match are tried; Semantics.PeerMatches still decides each one.
        List<string> namespaces;
        IEnumerable<Pod> candidates;
        if (peer.IPBlock is not null)
        {
            namespaces = [];
            candidates = cluster.Pods;
        }
        else if (peer.NamespaceSelector is null)
        {
            namespaces = [policy.Namespace];
            candidates = cluster.PodsIn(policy.Namespace);
        }
        else
        {
            namespaces = cluster.Namespaces.Where(n => peer.NamespaceSelector.Matches(n.Labels)).Select(n => n.Name).ToList();
            candidates = namespaces.SelectMany(cluster.PodsIn);
        }

        var pods = candidates.Where(p => Semantics.PeerMatches(policy, peer, Endpoint.ForPod(p), cluster)).ToList();
        var description = new PeerDescription(index, path, peer.PodSelector, peer.NamespaceSelector, peer.IPBlock, namespaces, pods.Select(p => p.FullName).ToList());
        return (description, pods);
    }

    private static string RulePath(Direction direction, int index) =>
        $"spec.{(direction == Direction.Ingress ? "ingress" : "egress")}[{index}]";

    private static string PeerPath(Direction direction, int index, int peer) =>
        $"{RulePath(direction, index)}.{(direction == Direction.Ingress ? "from" : "to")}[{peer}]";

    private static List<KeyValuePair<string, string>> SortedLabels(IReadOnlyDictionary<string, string> labels) =>
        labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
}
