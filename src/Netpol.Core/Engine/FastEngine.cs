using Netpol.Core.Model;
using Netpol.Core.Selectors;

namespace Netpol.Core.Engine;

/// <summary>
/// The engine built for scale. Policies are compiled once; pods are grouped into equivalence classes by the truth
/// of every label requirement the selectors use (so labels no selector reads, such as pod-template-hash, never split
/// a class), by the ipBlocks their IPs fall in and by the named ports they declare; port sets are interned and
/// combined once per distinct pair. A connection's verdict splits into a cross-namespace part that depends only on
/// the classes' global identity (namespace labels, pod labels read by namespaceSelector peers, ipBlocks, named
/// ports) and a same-namespace part (podSelector-only peers); pair counts for a whole cluster are computed over
/// groups of classes, never over every pod pair.
/// </summary>
public sealed partial class FastEngine : IConnectivityEngine, IPairCounter
{
    private const int NotIsolated = -1;

    private readonly Cluster _cluster;
    private readonly PortSetTable _ports = new();

    // Namespaces.
    private readonly RequirementIndex _nsRequirements = new();
    private readonly Dictionary<string, int> _nsIndex = new(StringComparer.Ordinal);
    private readonly List<int> _nsClassOfNamespace = [];
    private readonly Interner<VectorKey> _nsClasses = new();
    private readonly List<RequirementIndex> _localRequirements = [];

    // Pod requirements read by peers that have a namespaceSelector: they decide cross-namespace matches.
    private readonly RequirementIndex _globalRequirements = new();

    // ipBlocks, named ports.
    private readonly Interner<string> _blockKeys = new(StringComparer.Ordinal);
    private readonly List<IPBlock> _blocks = [];
    private readonly HashSet<(string Name, Protocol Protocol)> _portNames = [];
    private readonly Interner<string> _portSignatures = new(StringComparer.Ordinal);
    private readonly List<ContainerPort[]> _portSignatureValues = [];

    // Compiled policies, rules and classes.
    private readonly List<CompiledPolicy> _policies = [];
    private readonly List<List<CompiledPolicy>> _policiesByNamespace = [];
    private readonly Interner<string> _ruleCrossKeys = new(StringComparer.Ordinal);
    private readonly Interner<GlobalClass> _globalClasses = new();
    private readonly List<LocalClass> _localClasses = [];
    private readonly Dictionary<Pod, int> _localClassOfPod = new(ReferenceEqualityComparer.Instance);
    private readonly Interner<VectorKey> _profiles = new();
    private readonly List<Profile> _profileValues = [];
    private readonly Interner<VectorKey> _crossProfiles = new();
    private readonly List<CrossProfile> _crossProfileValues = [];

    // Memos.
    private readonly Dictionary<(int Rule, int Signature), int> _rulePorts = [];
    private readonly Dictionary<(int CrossProfile, int Global), int> _crossPorts = [];
    private readonly Dictionary<(int Profile, int Local), int> _localPorts = [];

    /// <summary>Compiles the cluster's policies and classifies its pods.</summary>
    public FastEngine(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        _cluster = cluster;
        foreach (var ns in cluster.Namespaces)
        {
            _nsIndex[ns.Name] = _nsIndex.Count;
            _localRequirements.Add(new RequirementIndex());
            _policiesByNamespace.Add([]);
        }

        foreach (var policy in cluster.Policies)
        {
            Compile(policy);
        }

        foreach (var policy in cluster.ClusterPolicies)
        {
            Compile(policy);
        }

        foreach (var ns in cluster.Namespaces)
        {
            _nsClassOfNamespace.Add(_nsClasses.Id(new VectorKey(_nsRequirements.Vector(ns.Labels))));
        }

        foreach (var pod in cluster.Pods)
        {
            Classify(pod);
        }
    }

    /// <inheritdoc />
    public Cluster Cluster => _cluster;

    /// <summary>The number of pod equivalence classes (per namespace).</summary>
    public int ClassCount => _localClasses.Count;

    /// <summary>The number of cross-namespace identities the classes share.</summary>
    public int GlobalClassCount => _globalClasses.Count;

    /// <inheritdoc />
    public PortSet AllowedPorts(Endpoint from, Endpoint to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Pod is not null && ReferenceEquals(from.Pod, to.Pod))
        {
            return PortSet.All;
        }

        var a = Describe(from);
        var b = Describe(to);
        return _ports[Allowed(a, b)];
    }

    private EndpointInfo Describe(Endpoint e)
    {
        if (e.Pod is { } pod)
        {
            var lc = _localClassOfPod.TryGetValue(pod, out var id) ? id : Classify(pod);
            var c = _localClasses[lc];
            return new EndpointInfo(c.Global, lc, c.Namespace, c.EgressProfile, c.IngressProfile);
        }

        return new EndpointInfo(ExternalClass(e.Address!), -1, -1, NotIsolated, NotIsolated);
    }

    private int Allowed(in EndpointInfo a, in EndpointInfo b)
    {
        var egress = EgressPorts(a, b);
        if (_clusterPolicies.Count > 0)
        {
            egress = TieredSide(Direction.Egress, a.Global, b.Global, a.EgressProfile != NotIsolated, egress);
        }

        if (egress == _ports.Empty)
        {
            return egress;
        }

        var ingress = IngressPorts(a, b);
        if (_clusterPolicies.Count > 0)
        {
            ingress = TieredSide(Direction.Ingress, b.Global, a.Global, b.IngressProfile != NotIsolated, ingress);
        }

        return _ports.Intersect(egress, ingress);
    }

    /// <summary>What NetworkPolicy allows on the source's egress side (an interned port set).</summary>
    private int EgressPorts(in EndpointInfo a, in EndpointInfo b)
    {
        if (a.EgressProfile == NotIsolated)
        {
            return _ports.All;
        }

        var egress = CrossPorts(_profileValues[a.EgressProfile].Cross, b.Global);
        return IsSameNamespace(a, b) ? _ports.Union(egress, LocalPorts(a.EgressProfile, b.Local)) : egress;
    }

    /// <summary>What NetworkPolicy allows on the destination's ingress side (an interned port set).</summary>
    private int IngressPorts(in EndpointInfo a, in EndpointInfo b)
    {
        if (b.IngressProfile == NotIsolated)
        {
            return _ports.All;
        }

        var ingress = CrossPorts(_profileValues[b.IngressProfile].Cross, a.Global);
        return IsSameNamespace(a, b) ? _ports.Union(ingress, LocalPorts(b.IngressProfile, a.Local)) : ingress;
    }

    private static bool IsSameNamespace(in EndpointInfo a, in EndpointInfo b) => a.Namespace >= 0 && a.Namespace == b.Namespace;

    private readonly record struct EndpointInfo(int Global, int Local, int Namespace, int EgressProfile, int IngressProfile);

    private sealed record GlobalClass(int NsClass, VectorKey PodVector, VectorKey Blocks, VectorKey NodePeers, int PortSignature, bool HostNetwork, bool External)
    {
        public int[] Vector => PodVector.Items;
    }

    private sealed class LocalClass
    {
        public required int Namespace { get; init; }

        public required int Global { get; init; }

        public required int[] LocalVector { get; init; }

        public required int EgressProfile { get; init; }

        public required int IngressProfile { get; init; }

        public long Count { get; set; }
    }

    private sealed record CompiledPolicy(int Index, NetworkPolicy Policy, int Namespace, int[] Selector, CompiledRule[] Ingress, CompiledRule[] Egress);

    private sealed record CompiledRule(int Id, PolicyRule Rule, bool AllPeers, CompiledPeer[] Peers, int CrossKey);

    private enum PeerKind
    {
        Local,
        Cross,
        Block,
    }

    private sealed record CompiledPeer(PeerKind Kind, int[] Pods, int[] Namespaces, int Block);

    /// <summary>
    /// The policies selecting a class for one direction (in one namespace), and for ingress the class's own
    /// named ports (ingress named ports resolve against the selected pod).
    /// </summary>
    private sealed record Profile(Direction Direction, int Namespace, CompiledPolicy[] Policies, int Signature, int Cross);

    /// <summary>The namespace-independent part of a profile: the rules that can match pods of any namespace.</summary>
    private sealed record CrossProfile(Direction Direction, CompiledRule[] Rules, int Signature);
}
