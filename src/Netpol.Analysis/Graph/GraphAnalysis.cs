using System.Net;
using Netpol.Analysis.Lint;
using Netpol.Analysis.Matrix;
using Netpol.Core;
using Netpol.Core.Engine;
using Netpol.Core.Model;
using Netpol.Core.Profiles;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Graph;

/// <summary>
/// Runs <c>netpol graph</c>: groups pods into nodes, adds a node per ipBlock the policies name and one for cluster
/// DNS, and computes the flows between nodes over the fast engine's pod classes, so that a cluster of thousands of
/// workloads costs the number of edges, not the number of pod pairs.
/// </summary>
public static class GraphAnalysis
{
    /// <summary>The name of the stand-in DNS pod added when the manifests contain no DNS pods.</summary>
    public const string AssumedDnsPod = "coredns (assumed)";

    private static readonly string[] AppLabels = ["app", "app.kubernetes.io/name"];

    /// <summary>The graph of the cluster.</summary>
    public static GraphResult Run(Cluster cluster, GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var ns in options.Namespaces)
        {
            if (cluster.FindNamespace(ns) is null)
            {
                throw new NetpolException($"no namespace \"{ns}\" in the input; namespaces: {string.Join(", ", cluster.Namespaces.Select(n => n.Name))}");
            }
        }

        if (options.Cni.IsPortable)
        {
            return Build(cluster, cluster, options, null) with { UndefinedOrders = UndefinedOrder.In(cluster) };
        }

        var profiled = new ProfiledCluster(options.Cni, cluster);
        return Compare(Build(cluster, cluster, options, null), Build(profiled.Cluster, cluster, options, profiled), profiled)
            with
        { UndefinedOrders = UndefinedOrder.In(profiled.Cluster) };
    }

    private static GraphResult Build(Cluster cluster, Cluster original, GraphOptions options, ProfiledCluster? profiled)
    {
        cluster = WithDns(cluster, out var assumedDns);
        var engine = new FastEngine(cluster);
        var filter = options.Probes.Count == 0
            ? PortSet.All
            : PortSet.FromRanges(options.Probes.Select(p => new PortRange(p.Protocol, p.Port, p.Port)));
        var shown = cluster.Pods.Where(p => options.Namespaces.Count == 0 || options.Namespaces.Contains(p.Namespace) || IsDnsPod(p)).ToList();
        var builder = new Builder(cluster, engine, options, filter) { Original = original, Profiled = profiled };
        builder.AddPodNodes(shown, assumedDns);
        builder.AddExternalNodes();
        builder.ComputeEdges();
        return builder.Result();
    }

    /// <summary>
    /// The plugin's graph with every edge whose ports differ from portable's marked; open edges that differ are drawn
    /// even without --show-open, and portable's allowed edges the plugin lacks are listed apart.
    /// </summary>
    private static GraphResult Compare(GraphResult portable, GraphResult plugin, ProfiledCluster profiled)
    {
        static (string, string, bool) Key(GraphEdge e) => (e.From, e.To, e.Kind == GraphEdgeKind.Denied);
        var before = portable.Edges.Concat(portable.HiddenOpen).ToDictionary(Key);
        var hidden = new HashSet<GraphEdge>(plugin.HiddenOpen, ReferenceEqualityComparer.Instance);
        var edges = new List<GraphEdge>();
        var hiddenCount = 0;
        var matched = new HashSet<(string, string, bool)>();

        // A plugin without SCTP drops it from every edge: said once in the result, not marked on every edge.
        var noSctp = !profiled.Profile.SupportsSctp;
        PortSet Comparable(PortSet ports) => noSctp ? ports.Except(PortSet.OfProtocol(Protocol.SCTP)) : ports;
        foreach (var e in plugin.Edges.Concat(plugin.HiddenOpen))
        {
            matched.Add(Key(e));
            var differs = !before.TryGetValue(Key(e), out var p) || !Comparable(p.Ports).Equals(e.Ports);

            // An open edge stays hidden when portable's is open too (under a plugin without SCTP its ports differ
            // only by SCTP): it is shown when the plugin opens what portable restricts.
            if (hidden.Contains(e) && (!differs || p?.Kind == GraphEdgeKind.Open))
            {
                hiddenCount++;
                continue;
            }

            edges.Add(differs ? e with { CniDiffers = true, PortablePorts = p?.Ports ?? PortSet.Empty } : e);
        }

        var lost = before.Values
            .Where(e => e.Kind != GraphEdgeKind.Denied && !matched.Contains(Key(e)) && !Comparable(e.Ports).IsEmpty)
            .Select(e => e with { CniDiffers = true, PortablePorts = e.Ports })
            .OrderBy(e => e.From, StringComparer.Ordinal)
            .ThenBy(e => e.To, StringComparer.Ordinal)
            .ToList();

        // Nodes only portable connects (an ipBlock the plugin's edges no longer reach) still show, for the lost edges.
        var ids = new HashSet<string>(plugin.Nodes.Select(n => n.Id), StringComparer.Ordinal);
        var needed = edges.Concat(lost).SelectMany(e => new[] { e.From, e.To }).ToHashSet(StringComparer.Ordinal);
        var nodes = plugin.Nodes
            .Concat(portable.Nodes.Where(n => !ids.Contains(n.Id) && needed.Contains(n.Id)))
            .Concat(plugin.HiddenNodes.Where(n => !ids.Contains(n.Id) && needed.Contains(n.Id)))
            .DistinctBy(n => n.Id)
            .OrderBy(n => n.Namespace is null ? 1 : 0)
            .ThenBy(n => n.Namespace ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToList();
        return plugin with
        {
            Namespaces = nodes.Select(n => n.Namespace).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            Nodes = nodes,
            Edges = edges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ThenBy(e => e.Kind).ToList(),
            HiddenOpenEdges = hiddenCount,
            HiddenOpen = [],
            Cni = profiled.Profile.Name,
            CniWithoutSctp = noSctp,
            PortableOnlyEdges = lost,
            IgnoredClusterPolicies = [.. profiled.IgnoredClusterPolicies.Select(Netpol.Core.Explain.ClusterPolicyNames.Short)],
        };
    }

    /// <summary>The cluster with a stand-in CoreDNS pod when no pod is labelled k8s-app=kube-dns and some policy restricts egress.</summary>
    private static Cluster WithDns(Cluster cluster, out Pod? standIn)
    {
        standIn = null;
        if (cluster.Pods.Any(IsDnsPod) || !cluster.Policies.Any(p => p.AffectsEgress))
        {
            return cluster;
        }

        standIn = new Pod(
            DnsTargets.Namespace,
            AssumedDnsPod,
            new Dictionary<string, string>(StringComparer.Ordinal) { [DnsTargets.LabelKey] = DnsTargets.LabelValue },
            [],
            [new ContainerPort("dns", 53, Protocol.UDP), new ContainerPort("dns-tcp", 53, Protocol.TCP)]);
        return new Cluster(cluster.Namespaces, [.. cluster.Pods, standIn], cluster.Policies, cluster.Services, cluster.ClusterPolicies, cluster.Nodes);
    }

    private static bool IsDnsPod(Pod pod) =>
        !pod.HostNetwork && pod.Labels.TryGetValue(DnsTargets.LabelKey, out var v) && v == DnsTargets.LabelValue;

    /// <summary>The node id and label of a pod under a grouping.</summary>
    internal static (string Id, string Label, GraphNodeKind Kind) NodeOf(Pod pod, GraphGrouping by)
    {
        switch (by)
        {
            case GraphGrouping.Namespace:
                return (pod.Namespace, pod.Namespace, GraphNodeKind.Namespace);
            case GraphGrouping.Pod:
                return (pod.FullName, pod.Name, pod.WorkloadKind is null ? GraphNodeKind.Pod : GraphNodeKind.Workload);
        }

        if (pod.Owner is { } owner)
        {
            return ($"{pod.Namespace}/{owner}", owner, GraphNodeKind.Workload);
        }

        foreach (var key in AppLabels)
        {
            if (pod.Labels.TryGetValue(key, out var app) && app.Length > 0)
            {
                return ($"{pod.Namespace}/{key}={app}", $"{key}={app}", GraphNodeKind.Workload);
            }
        }

        return (pod.FullName, pod.Name, GraphNodeKind.Pod);
    }

    /// <summary>How people call an ipBlock: <c>internet 0.0.0.0/0 except private</c>, <c>private 10.0.0.0/8</c>, <c>external 203.0.113.0/24</c>.</summary>
    internal static string ExternalLabel(IPBlock block)
    {
        var cidr = block.Cidr;
        string except;
        if (block.Except.Count == 0)
        {
            except = string.Empty;
        }
        else if (IsAllPrivate(block.Except) && CoversPrivate(block.Except, cidr))
        {
            except = " except private";
        }
        else
        {
            except = " except " + string.Join(", ", block.Except.Select(e => e.ToString()));
        }

        var kind = cidr.PrefixLength == 0 ? "internet" : IsAllPrivate([cidr]) ? "private" : "external";
        return $"{kind} {cidr}{except}";
    }

    private static readonly IPNetwork[] PrivateRanges =
    [
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("fc00::/7"),
    ];

    private static bool IsAllPrivate(IEnumerable<IPNetwork> networks) =>
        networks.All(n => PrivateRanges.Any(p => p.BaseAddress.AddressFamily == n.BaseAddress.AddressFamily && p.PrefixLength <= n.PrefixLength && p.Contains(n.BaseAddress)));

    private static bool CoversPrivate(IReadOnlyList<IPNetwork> except, IPNetwork cidr) =>
        PrivateRanges.Where(p => p.BaseAddress.AddressFamily == cidr.BaseAddress.AddressFamily && cidr.Contains(p.BaseAddress))
            .All(p => except.Any(e => e.PrefixLength <= p.PrefixLength && e.Contains(p.BaseAddress)));

    /// <summary>
    /// An address that stands for the block: inside the CIDR, outside every except, no pod's, and where possible
    /// outside the narrower blocks other policies name (so the widest block is not confused with them).
    /// </summary>
    internal static IPAddress Representative(IPBlock block, IReadOnlyList<IPBlock> all, Cluster cluster)
    {
        var candidates = new List<IPAddress> { Offset(block.Cidr.BaseAddress, block.Cidr.PrefixLength >= 31 ? 0 : 1) };
        foreach (var e in block.Except.Concat(all.Where(b => b != block).Select(b => b.Cidr)))
        {
            candidates.Add(Offset(e.BaseAddress, -1));
            candidates.Add(AfterEnd(e));
        }

        var valid = candidates.Where(block.Matches).Where(a => cluster.FindPodByIP(a) is null).ToList();
        var narrower = all.Where(b => b != block && b.Cidr.PrefixLength > block.Cidr.PrefixLength).ToList();
        return valid.FirstOrDefault(a => !narrower.Any(n => n.Cidr.Contains(a))) ?? valid.FirstOrDefault() ?? candidates[0];
    }

    private static IPAddress AfterEnd(IPNetwork network)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var hostBits = (bytes.Length * 8) - network.PrefixLength;
        // Set every host bit, then add one: the first address past the network (wraps at the top, rejected later).
        for (var bit = 0; bit < hostBits; bit++)
        {
            bytes[bytes.Length - 1 - (bit / 8)] |= (byte)(1 << (bit % 8));
        }

        return Offset(new IPAddress(bytes), 1);
    }

    private static IPAddress Offset(IPAddress address, int delta)
    {
        var bytes = address.GetAddressBytes();
        var carry = delta;
        for (var i = bytes.Length - 1; i >= 0 && carry != 0; i--)
        {
            var v = bytes[i] + carry;
            bytes[i] = (byte)(v & 0xFF);
            carry = v >> 8;
        }

        return new IPAddress(bytes);
    }

    /// <summary>Collects nodes and classes, then edges; one per run.</summary>
    private sealed class Builder(Cluster cluster, FastEngine engine, GraphOptions options, PortSet filter)
    {
        private readonly Dictionary<string, NodeDraft> _nodes = new(StringComparer.Ordinal);
        private readonly Dictionary<int, Pod> _classRep = [];
        private readonly Dictionary<int, List<NodeDraft>> _nodesOfClass = [];
        private readonly List<(NodeDraft Node, IPAddress Address)> _externals = [];
        private readonly Dictionary<(NodeDraft From, NodeDraft To), EdgeDraft> _edges = [];
        private readonly List<GraphEdge> _result = [];
        private readonly List<GraphEdge> _hidden = [];
        private int _hiddenOpen;

        /// <summary>The cluster as loaded: the ipBlocks drawn as external nodes are its policies' (a profile may rewrite them).</summary>
        public required Cluster Original { get; init; }

        /// <summary>The plugin profile whose pair-level rules (local node, SCTP) apply, or null for portable.</summary>
        public ProfiledCluster? Profiled { get; init; }

        public void AddPodNodes(IReadOnlyList<Pod> pods, Pod? assumedDns)
        {
            foreach (var pod in pods)
            {
                var (id, label, kind) = NodeOf(pod, options.By);
                if (ReferenceEquals(pod, assumedDns))
                {
                    (id, label) = ($"{pod.Namespace}/cluster-dns", "cluster DNS (assumed)");
                }

                if (options.By != GraphGrouping.Namespace && IsDnsPod(pod))
                {
                    kind = GraphNodeKind.Dns;
                }

                if (!_nodes.TryGetValue(id, out var node))
                {
                    node = new NodeDraft(id, label, pod.Namespace, kind);
                    _nodes[id] = node;
                }

                node.Pods.Add(pod);
                var c = engine.ClassOf(pod);
                _classRep.TryAdd(c, pod);
                if (node.Classes.Add(c))
                {
                    if (!_nodesOfClass.TryGetValue(c, out var list))
                    {
                        list = [];
                        _nodesOfClass[c] = list;
                    }

                    list.Add(node);
                }
            }
        }

        public void AddExternalNodes()
        {
            var blocks = Original.Policies
                .SelectMany(p => p.Ingress.Concat(p.Egress))
                .SelectMany(r => r.Peers)
                .Select(peer => peer.IPBlock)
                .OfType<IPBlock>()
                .DistinctBy(b => b.ToString())
                .OrderBy(b => b.Cidr.PrefixLength)
                .ThenBy(b => b.ToString(), StringComparer.Ordinal)
                .ToList();
            foreach (var block in blocks)
            {
                var address = Representative(block, blocks, Original);
                var node = new NodeDraft($"ipblock:{block}", ExternalLabel(block), null, GraphNodeKind.External) { Address = block.ToString(), Representative = address.ToString() };
                _nodes[node.Id] = node;
                _externals.Add((node, address));
            }
        }

        public void ComputeEdges()
        {
            foreach (var node in _nodes.Values.Where(n => !n.IsExternal))
            {
                node.IngressPolicies = Policies(node, Direction.Ingress);
                node.EgressPolicies = Policies(node, Direction.Egress);
                node.IngressIsolated = node.Pods.All(p => IsGoverned(p, Direction.Ingress));
                node.EgressIsolated = node.Pods.All(p => IsGoverned(p, Direction.Egress));
            }

            ClassEdges();
            ExternalEdges();
            if (Profiled is { Profile.NodeToLocalPodAllowed: true })
            {
                LocalNodeEdges();
            }

            var noSctp = Profiled is { Profile.SupportsSctp: false };
            if (noSctp)
            {
                // A pod to itself keeps SCTP; replicas between them do not.
                foreach (var node in _nodes.Values.Where(n => n.Self is not null && n.Pods.Count > 1))
                {
                    node.Self = node.Self!.Except(PortSet.OfProtocol(Protocol.SCTP));
                }
            }

            foreach (var ((from, to), draft) in _edges)
            {
                var ports = draft.Union.Intersect(filter);
                if (noSctp)
                {
                    ports = ports.Except(PortSet.OfProtocol(Protocol.SCTP));
                }

                if (ports.IsEmpty)
                {
                    continue;
                }

                var open = draft.Union.IsAll && !from.EgressIsolated && !to.IngressIsolated;
                var partial = draft.Pairs < (long)from.Weight * to.Weight || !draft.AllEqual || draft.ForcePartial;
                if (open && !options.ShowOpen)
                {
                    _hiddenOpen++;
                    _hidden.Add(new GraphEdge(from.Id, to.Id, ports, GraphEdgeKind.Open, partial));
                    continue;
                }

                _result.Add(new GraphEdge(from.Id, to.Id, ports, open ? GraphEdgeKind.Open : GraphEdgeKind.Allowed, partial));
                if (_result.Count > options.MaxEdges)
                {
                    throw new NetpolException($"more than {options.MaxEdges} edges: the graph is too large to draw; narrow it with -n, --port or --by namespace");
                }
            }

            if (options.ShowDenied)
            {
                DeniedEdges();
            }
        }

        public GraphResult Result()
        {
            // External and DNS stand-in nodes show only when connected; so do namespaces filtered in through -n only.
            var connected = new HashSet<string>(_result.SelectMany(e => new[] { e.From, e.To }), StringComparer.Ordinal);
            var nodes = _nodes.Values
                .Where(n => (!n.IsExternal && (options.Namespaces.Count == 0 || options.Namespaces.Contains(n.Namespace!))) || connected.Contains(n.Id))
                .OrderBy(n => n.IsExternal ? 1 : 0)
                .ThenBy(n => n.Namespace ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(n => n.Id, StringComparer.Ordinal)
                .Select(n => n.ToNode())
                .ToList();
            var namespaces = nodes.Select(n => n.Namespace).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
            var edges = _result
                .OrderBy(e => e.From, StringComparer.Ordinal)
                .ThenBy(e => e.To, StringComparer.Ordinal)
                .ThenBy(e => e.Kind)
                .ToList();
            var hiddenNodes = _nodes.Values.Where(n => n.IsExternal && !connected.Contains(n.Id)).Select(n => n.ToNode()).ToList();
            return new GraphResult(options.By, namespaces, nodes, edges) { HiddenOpenEdges = _hiddenOpen, HiddenOpen = _hidden, HiddenNodes = hiddenNodes };
        }

        // A pod is governed for a direction when a NetworkPolicy isolates it or a cluster network policy with rules
        // for the direction applies to it: its edges are then decided by policy, not by the default allow.
        private bool IsGoverned(Pod p, Direction direction) =>
            !p.HostNetwork
            && (cluster.PoliciesIn(p.Namespace).Any(x => Semantics.Selects(x, p, direction))
                || cluster.ClusterPolicies.Any(x => x.Rules(direction).Count > 0 && Semantics.Selects(x, p, cluster)));

        private static string ClusterPolicyName(ClusterNetworkPolicy policy) => policy.Kind switch
        {
            "AdminNetworkPolicy" => $"anp/{policy.Name}",
            "BaselineAdminNetworkPolicy" => $"banp/{policy.Name}",
            _ => $"cnp/{policy.Name}",
        };

        private List<string> Policies(NodeDraft node, Direction direction) =>
            node.Pods.SelectMany(p => cluster.PoliciesIn(p.Namespace).Where(x => Semantics.Selects(x, p, direction)).Select(x => x.FullName)
                    .Concat(cluster.ClusterPolicies.Where(x => x.Rules(direction).Count > 0 && Semantics.Selects(x, p, cluster)).Select(ClusterPolicyName)))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();

        // Class pairs: across namespaces through the engine's cross-namespace keys (classes with equal keys share
        // their verdicts), within a namespace pair by pair.
        private void ClassEdges()
        {
            var classes = _classRep.Keys.Order().ToList();
            var bySource = classes.GroupBy(engine.SourceKey).ToList();
            var byDestination = classes.GroupBy(engine.DestinationKey).ToList();
            foreach (var s in bySource)
            {
                foreach (var d in byDestination)
                {
                    var ports = engine.CrossNamespacePorts(s.Key, d.Key);
                    if (ports.IsEmpty)
                    {
                        continue;
                    }

                    foreach (var a in s)
                    {
                        var nsA = _classRep[a].Namespace;
                        foreach (var b in d)
                        {
                            if (_classRep[b].Namespace != nsA)
                            {
                                AddClassPair(a, b, ports);
                            }
                        }
                    }
                }
            }

            foreach (var group in classes.GroupBy(c => _classRep[c].Namespace))
            {
                foreach (var a in group)
                {
                    foreach (var b in group)
                    {
                        var ports = engine.ClassPorts(a, b);
                        if (a == b)
                        {
                            foreach (var node in _nodesOfClass[a])
                            {
                                node.Self = node.Self is null ? ports : node.Self.Union(ports);
                            }
                        }

                        if (!ports.IsEmpty)
                        {
                            AddClassPair(a, b, ports);
                        }
                    }
                }
            }
        }

        private void AddClassPair(int a, int b, PortSet ports)
        {
            foreach (var from in _nodesOfClass[a])
            {
                foreach (var to in _nodesOfClass[b])
                {
                    if (!ReferenceEquals(from, to))
                    {
                        Add(from, to, ports);
                    }
                }
            }
        }

        private void ExternalEdges()
        {
            foreach (var (external, address) in _externals)
            {
                var endpoint = Endpoint.ForAddress(address);
                foreach (var (c, pod) in _classRep)
                {
                    var egress = engine.AllowedPorts(Endpoint.ForPod(pod), endpoint);
                    var ingress = engine.AllowedPorts(endpoint, Endpoint.ForPod(pod));
                    foreach (var node in _nodesOfClass[c])
                    {
                        if (!egress.IsEmpty)
                        {
                            Add(node, external, egress);
                        }

                        if (!ingress.IsEmpty)
                        {
                            Add(external, node, ingress);
                        }
                    }
                }
            }
        }

        // The plugin lets traffic from a pod's own node through: a hostNetwork pod on that node, or an address of that
        // Node object (an external node whose stand-in address is one). The pairs are few; each gets every port.
        private void LocalNodeEdges()
        {
            var nodeOf = new Dictionary<Pod, NodeDraft>(ReferenceEqualityComparer.Instance);
            foreach (var node in _nodes.Values)
            {
                foreach (var pod in node.Pods)
                {
                    nodeOf[pod] = node;
                }
            }

            var targets = nodeOf.Keys.Where(p => !p.HostNetwork && p.NodeName is not null).ToList();
            foreach (var source in nodeOf.Keys.Where(p => p.HostNetwork && p.NodeName is not null))
            {
                foreach (var target in targets.Where(t => t.NodeName == source.NodeName))
                {
                    AddLocal(nodeOf[source], nodeOf[target]);
                }
            }

            foreach (var (external, address) in _externals)
            {
                foreach (var host in Original.Nodes.Where(n => n.Addresses.Contains(address)))
                {
                    foreach (var target in targets.Where(t => t.NodeName == host.Name))
                    {
                        AddLocal(external, nodeOf[target]);
                    }
                }
            }
        }

        private void AddLocal(NodeDraft from, NodeDraft to)
        {
            if (ReferenceEquals(from, to))
            {
                return;
            }

            if (!_edges.TryGetValue((from, to), out var draft))
            {
                draft = new EdgeDraft(PortSet.All);
                _edges[(from, to)] = draft;
            }
            else
            {
                draft.Widen(PortSet.All);
            }

            // Only the pairs on one node get every port: unless each end is one pod, that is some pairs.
            draft.ForcePartial |= from.Pods.Count > 1 || to.Pods.Count > 1;
        }

        private void Add(NodeDraft from, NodeDraft to, PortSet ports)
        {
            if (!_edges.TryGetValue((from, to), out var draft))
            {
                _edges[(from, to)] = new EdgeDraft(ports);
                return;
            }

            draft.Add(ports);
        }

        // Expected: A already talks to B's namespace, and a neighbour of A (another node of A's namespace) reaches B
        // on ports B serves, or a Service fronts B on them; yet nothing from A to B is allowed. "The frontend talks to
        // the api, and the api to the database: can the frontend reach the database directly?" draws as denied.
        private void DeniedEdges()
        {
            var allowed = _edges.Where(kv => !kv.Value.Union.Intersect(filter).IsEmpty).ToList();
            var reached = new HashSet<(NodeDraft, NodeDraft)>(allowed.Select(kv => kv.Key));
            var talksTo = new HashSet<(NodeDraft, string)>();
            var usedFrom = new Dictionary<(NodeDraft To, string FromNamespace), List<(NodeDraft From, PortSet Ports)>>();
            foreach (var ((from, to), draft) in allowed)
            {
                if (to.Namespace is { } ns)
                {
                    talksTo.Add((from, ns));
                }

                var open = draft.Union.IsAll && !from.EgressIsolated && !to.IngressIsolated;
                if (!open && from.Namespace is { } fromNs)
                {
                    if (!usedFrom.TryGetValue((to, fromNs), out var list))
                    {
                        list = [];
                        usedFrom[(to, fromNs)] = list;
                    }

                    list.Add((from, draft.Union));
                }
            }

            var servicePorts = new Dictionary<Pod, PortSet>(ReferenceEqualityComparer.Instance);
            foreach (var service in cluster.Services)
            {
                foreach (var pod in cluster.BackendsOf(service))
                {
                    var ports = PortSet.FromRanges(service.Ports.Select(sp => TargetPort(sp, pod)).OfType<PortRange>());
                    servicePorts[pod] = servicePorts.TryGetValue(pod, out var p) ? p.Union(ports) : ports;
                }
            }

            // Only the namespaces a node already talks to can hold an expected edge: look there, not at every pair.
            var byNamespace = _nodes.Values.Where(n => n.Namespace is not null).GroupBy(n => n.Namespace!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var namespacesOf = talksTo.GroupBy(t => t.Item1).ToDictionary(g => g.Key, g => g.Select(t => t.Item2).ToList());
            foreach (var from in _nodes.Values.Where(n => n.Namespace is not null && n.Kind is GraphNodeKind.Workload or GraphNodeKind.Pod).OrderBy(n => n.Id, StringComparer.Ordinal))
            {
                var targets = namespacesOf.TryGetValue(from, out var names)
                    ? names.SelectMany(n => byNamespace.GetValueOrDefault(n) ?? []).OrderBy(n => n.Id, StringComparer.Ordinal)
                    : Enumerable.Empty<NodeDraft>();
                foreach (var to in targets)
                {
                    if (ReferenceEquals(from, to) || reached.Contains((from, to)))
                    {
                        continue;
                    }

                    var expected = PortSet.Empty;
                    if (usedFrom.TryGetValue((to, from.Namespace!), out var uses))
                    {
                        foreach (var (neighbour, ports) in uses)
                        {
                            expected = ReferenceEquals(neighbour, from) ? expected : expected.Union(ports);
                        }
                    }

                    foreach (var pod in to.Pods)
                    {
                        expected = servicePorts.TryGetValue(pod, out var p) ? expected.Union(p) : expected;
                    }

                    expected = expected.Intersect(Served(to)).Intersect(filter);
                    if (!expected.IsEmpty)
                    {
                        _result.Add(new GraphEdge(from.Id, to.Id, expected, GraphEdgeKind.Denied));
                    }
                }
            }
        }

        private static PortRange? TargetPort(ServicePort port, Pod pod)
        {
            if (port.TargetPortName is { } name)
            {
                var match = pod.Ports.FirstOrDefault(c => c.Name == name && c.Protocol == port.Protocol);
                return match is null ? null : new PortRange(port.Protocol, match.Port, match.Port);
            }

            return new PortRange(port.Protocol, port.TargetPort, port.TargetPort);
        }

        private static PortSet Served(NodeDraft node) =>
            PortSet.FromRanges(node.Pods.SelectMany(p => p.Ports).Select(p => new PortRange(p.Protocol, p.Port, p.Port)));
    }

    private sealed class NodeDraft(string id, string label, string? ns, GraphNodeKind kind)
    {
        public string Id { get; } = id;

        public string? Namespace { get; } = ns;

        public bool IsExternal => kind == GraphNodeKind.External;

        public GraphNodeKind Kind => kind;

        public string? Address { get; init; }

        public string? Representative { get; init; }

        public List<Pod> Pods { get; } = [];

        public HashSet<int> Classes { get; } = [];

        public PortSet? Self { get; set; }

        public IReadOnlyList<string> IngressPolicies { get; set; } = [];

        public IReadOnlyList<string> EgressPolicies { get; set; } = [];

        public bool IngressIsolated { get; set; }

        public bool EgressIsolated { get; set; }

        // How many class pairs an edge from or to this node has when every pair contributes.
        public int Weight => IsExternal ? 1 : Classes.Count;

        public GraphNode ToNode()
        {
            var labels = Pods.Count == 0
                ? new Dictionary<string, string>()
                : Pods[0].Labels.Where(kv => Pods.All(p => p.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value))
                    .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                    .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            var replicas = kind is GraphNodeKind.Workload or GraphNodeKind.Dns or GraphNodeKind.Namespace && (Pods.Count > 1 || Pods.Any(p => p.WorkloadKind is not null));
            return new GraphNode(Id, label, Namespace, kind, [.. Pods.Select(p => p.FullName)])
            {
                Labels = labels,
                Address = Address,
                RepresentativeAddress = Representative,
                IngressPolicies = IngressPolicies,
                EgressPolicies = EgressPolicies,
                IngressIsolated = IngressIsolated,
                EgressIsolated = EgressIsolated,
                SelfPorts = replicas && Self is { IsAll: false, IsEmpty: false } s ? s : null,
            };
        }
    }

    private sealed class EdgeDraft(PortSet first)
    {
        public PortSet Union { get; private set; } = first;

        public long Pairs { get; private set; } = 1;

        public bool AllEqual { get; private set; } = true;

        public bool ForcePartial { get; set; }

        // A pair-level rule of a plugin widens a pair already counted: the union grows, the count does not.
        public void Widen(PortSet ports)
        {
            AllEqual &= ports.Equals(Union);
            Union = Union.Union(ports);
        }

        public void Add(PortSet ports)
        {
            Pairs++;
            AllEqual &= ports.Equals(Union);
            Union = Union.Union(ports);
        }
    }
}
