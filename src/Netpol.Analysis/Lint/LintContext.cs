using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Lint;

/// <summary>
/// What a rule sees: the cluster, the options, lookups computed once for every rule (which policies select which
/// pod), and the methods to report findings about policies, pods, namespaces and services.
/// </summary>
public sealed class LintContext
{
    /// <summary>The annotation that silences rules on an object (or on every object of a namespace).</summary>
    public const string IgnoreAnnotation = "netpol.io/ignore";

    private readonly List<LintFinding> _findings = [];
    private readonly Dictionary<(Pod, Direction), IReadOnlyList<NetworkPolicy>> _selecting = [];
    private readonly Dictionary<NetworkPolicy, IReadOnlyList<Pod>> _selected = [];
    private readonly Dictionary<(string, PolicyPeer), IReadOnlyList<Pod>> _admitted = [];
    private static readonly IReadOnlyDictionary<string, string> NoAnnotations = new Dictionary<string, string>();
    private readonly Dictionary<ClusterNetworkPolicy, IReadOnlyList<Pod>> _subjects = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(Pod, Direction), TierProtection?> _tierProtection = new();
    private List<Endpoint>? _tierEndpoints;
    private IReadOnlyList<ClusterNetworkPolicy>? _enforcedClusterPolicies;
    private PodAddressIndex? _addresses;
    private LintRule? _current;
    private Severity _currentSeverity;

    internal LintContext(Cluster cluster, LintOptions options)
    {
        Cluster = cluster;
        Options = options;
        Dns = new DnsTargets(cluster, options);
    }

    /// <summary>The loaded cluster.</summary>
    public Cluster Cluster { get; }

    /// <summary>The options of the run.</summary>
    public LintOptions Options { get; }

    /// <summary>Where cluster DNS lives, as found in the manifests or assumed.</summary>
    public DnsTargets Dns { get; }

    /// <summary>Findings suppressed by an annotation.</summary>
    public int Suppressed { get; private set; }

    internal IReadOnlyList<LintFinding> Findings => _findings;

    /// <summary>True when the input has pods at all: rules that compare selectors with pods need some.</summary>
    public bool HasPods => Cluster.Pods.Count > 0;

    /// <summary>True when coverage rules should look at the namespace (system namespaces are excluded by default).</summary>
    public bool IsCovered(string ns) => !Options.Config.ExcludedNamespaces.Contains(ns);

    /// <summary>The policies that select the pod for the direction (hostNetwork pods: none).</summary>
    public IReadOnlyList<NetworkPolicy> SelectingPolicies(Pod pod, Direction direction)
    {
        if (!_selecting.TryGetValue((pod, direction), out var list))
        {
            list = [.. Cluster.PoliciesIn(pod.Namespace).Where(p => Semantics.Selects(p, pod, direction))];
            _selecting[(pod, direction)] = list;
        }

        return list;
    }

    /// <summary>True when some policy selects the pod for the direction.</summary>
    public bool IsIsolated(Pod pod, Direction direction) => SelectingPolicies(pod, direction).Count > 0;

    /// <summary>
    /// True when the Admin or Baseline tier protects the pod for the direction with a catch-all Deny: every other end
    /// a cluster policy rule can name (for ingress every pod, for egress every pod and address) is denied unless an
    /// earlier rule accepts it. Under <c>lint --cni NAME</c>, only the cluster policies that plugin implements count.
    /// </summary>
    public bool IsTierProtected(Pod pod, Direction direction) => TierProtectionOf(pod, direction) is not null;

    /// <summary>True when a NetworkPolicy isolates the pod for the direction, or a cluster policy catch-all protects it.</summary>
    public bool IsProtected(Pod pod, Direction direction) => IsIsolated(pod, direction) || IsTierProtected(pod, direction);

    /// <summary>The catch-all Deny protecting the pod for the direction (see <see cref="IsTierProtected"/>), or null.</summary>
    internal TierProtection? TierProtectionOf(Pod pod, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (!_tierProtection.TryGetValue((pod, direction), out var found))
        {
            found = EnforcedClusterPolicies.Count == 0 ? null : TierCatchAll.For(Cluster, EnforcedClusterPolicies, pod, direction);
            _tierProtection[(pod, direction)] = found;
        }

        return found;
    }

    /// <summary>The catch-all Deny protecting every pod of the namespace, present and future, for the direction, or null.</summary>
    internal TierProtection? TierProtectionOf(Namespace ns, Direction direction) =>
        EnforcedClusterPolicies.Count == 0 ? null : TierCatchAll.For(EnforcedClusterPolicies, ns, direction);

    /// <summary>
    /// The cluster policies in force, in evaluation order: all of them, or under <c>lint --cni NAME</c> those of the
    /// kinds that plugin implements.
    /// </summary>
    internal IReadOnlyList<ClusterNetworkPolicy> EnforcedClusterPolicies =>
        _enforcedClusterPolicies ??= Options.CniNamed && Options.CniProfiles.Count == 1
            ? [.. Cluster.ClusterPolicies.Where(Options.CniProfiles[0].Implements)]
            : Cluster.ClusterPolicies;

    /// <summary>The pods whose labels the policy's podSelector matches (hostNetwork pods excluded).</summary>
    public IReadOnlyList<Pod> SelectedPods(NetworkPolicy policy)
    {
        if (!_selected.TryGetValue(policy, out var list))
        {
            list = [.. Cluster.PodsIn(policy.Namespace).Where(p => !p.HostNetwork && policy.PodSelector.Matches(p.Labels))];
            _selected[policy] = list;
        }

        return list;
    }

    /// <summary>
    /// The pods a peer admits (selector peers: by labels, never hostNetwork pods; ipBlock peers: pods whose IP is
    /// inside). Only the namespaces the peer can reach are scanned, and answers are shared between equal peers.
    /// </summary>
    public IReadOnlyList<Pod> PodsAdmittedBy(NetworkPolicy policy, PolicyPeer peer)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(peer);
        var key = (peer.NamespaceSelector is null && peer.IPBlock is null ? policy.Namespace : string.Empty, peer);
        if (_admitted.TryGetValue(key, out var cached))
        {
            return cached;
        }

        IEnumerable<Pod> candidates;
        if (peer.IPBlock is not null)
        {
            _addresses ??= new PodAddressIndex(Cluster.Pods);
            candidates = _addresses.In(peer.IPBlock);
        }
        else if (peer.NamespaceSelector is null)
        {
            candidates = Cluster.PodsIn(policy.Namespace);
        }
        else
        {
            candidates = Cluster.Namespaces.Where(n => peer.NamespaceSelector.Matches(n.Labels)).SelectMany(n => Cluster.PodsIn(n.Name));
        }

        // Kept in cluster order, whatever order the candidates came in.
        List<Pod> result = [.. candidates.Where(p => Semantics.PeerMatches(policy, peer, Endpoint.ForPod(p), Cluster))];
        if (peer.IPBlock is not null)
        {
            result.Sort(ClusterOrder);
        }
        _admitted[key] = result;
        return result;
    }

    private static int ClusterOrder(Pod a, Pod b)
    {
        var c = string.CompareOrdinal(a.Namespace, b.Namespace);
        return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
    }

    /// <summary>The pods a rule admits as peers (every pod when it lists no peers), in cluster order.</summary>
    public IReadOnlyList<Pod> PodsAdmittedBy(NetworkPolicy policy, PolicyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.AllPeers)
        {
            return Cluster.Pods;
        }

        if (rule.Peers.Count == 1)
        {
            return PodsAdmittedBy(policy, rule.Peers[0]);
        }

        var set = new HashSet<Pod>(ReferenceEqualityComparer.Instance);
        foreach (var peer in rule.Peers)
        {
            set.UnionWith(PodsAdmittedBy(policy, peer));
        }

        return [.. Cluster.Pods.Where(set.Contains)];
    }

    /// <summary>
    /// The pods a rule's ports are resolved against: for ingress the pods the policy selects, for egress the pods the
    /// rule admits as destinations.
    /// </summary>
    public IEnumerable<Pod> Destinations(NetworkPolicy policy, Direction direction, PolicyRule rule) =>
        direction == Direction.Ingress ? SelectedPods(policy) : PodsAdmittedBy(policy, rule).Where(p => !p.HostNetwork);

    /// <summary>Reports a finding about a policy, at the field path (its location is looked up).</summary>
    public void Report(NetworkPolicy policy, string path, string message, string? fix = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Add($"NetworkPolicy {policy.FullName}", policy.Namespace, policy.LocationOf(path), path, message, fix, policy.Annotations);
    }

    /// <summary>
    /// Reports a finding about a cluster network policy (any of its three kinds), at the field path; cluster-scoped,
    /// so its namespace is empty.
    /// </summary>
    public void Report(ClusterNetworkPolicy policy, string path, string message, string? fix = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(path);
        Add(policy.FullName, string.Empty, LocationOf(policy, path), path, message, fix, NoAnnotations);
    }

    /// <summary>The pods a cluster network policy's subject selects (never hostNetwork pods), in cluster order.</summary>
    public IReadOnlyList<Pod> SubjectPods(ClusterNetworkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!_subjects.TryGetValue(policy, out var list))
        {
            list = [.. Cluster.Pods.Where(p => Semantics.Selects(policy, p, Cluster))];
            _subjects[policy] = list;
        }

        return list;
    }

    /// <summary>
    /// The other ends tier rules can meet, for exact answers: every pod (hostNetwork pods stand for their node's
    /// address), every node address no pod has, and one external address per piece of the address space the
    /// <c>networks</c> peers cut.
    /// </summary>
    public IReadOnlyList<Endpoint> TierEndpoints
    {
        get
        {
            if (_tierEndpoints is null)
            {
                var list = Cluster.Pods.Select(Endpoint.ForPod).ToList();
                var taken = Cluster.Pods.SelectMany(p => p.IPs).ToHashSet();
                foreach (var address in Cluster.Nodes.SelectMany(n => n.Addresses).Where(a => !taken.Contains(a)).Distinct())
                {
                    list.Add(Endpoint.ForAddress(address));
                    taken.Add(address);
                }

                var blocks = Cluster.ClusterPolicies.SelectMany(p => p.Egress).SelectMany(r => r.Peers)
                    .Where(p => p.Networks is not null).SelectMany(p => p.Networks!).Select(n => new IPBlock(n, []));
                foreach (var address in AddressAtoms.Of(blocks).Where(a => !taken.Contains(a)))
                {
                    list.Add(Endpoint.ForAddress(address));
                }

                _tierEndpoints = list;
            }

            return _tierEndpoints;
        }
    }

    private static SourceLocation? LocationOf(ClusterNetworkPolicy policy, string path)
    {
        var p = path;
        while (p.Length > 0)
        {
            if (policy.Locations.TryGetValue(p, out var at))
            {
                return at;
            }

            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut <= 0 ? string.Empty : p[..cut];
        }

        return policy.Source;
    }

    /// <summary>Reports a finding about a pod, or the workload its synthetic pod stands for.</summary>
    public void Report(Pod pod, string path, string message, string? fix = null)
    {
        ArgumentNullException.ThrowIfNull(pod);
        Add(ObjectName(pod), pod.Namespace, pod.Source, path, message, fix, pod.Annotations);
    }

    /// <summary>
    /// Reports a finding about a pod at most as serious as <paramref name="atMost"/>: a finding the rule makes only
    /// as a note (a pod a cluster policy protects instead of a NetworkPolicy) never fails a run set up for the rule.
    /// </summary>
    public void Report(Pod pod, string path, string message, string? fix, Severity atMost)
    {
        ArgumentNullException.ThrowIfNull(pod);
        Add(ObjectName(pod), pod.Namespace, pod.Source, path, message, fix, pod.Annotations, atMost);
    }

    /// <summary>Reports a finding about a namespace.</summary>
    public void Report(Namespace ns, string path, string message, string? fix = null)
    {
        ArgumentNullException.ThrowIfNull(ns);
        Add($"Namespace {ns.Name}", ns.Name, ns.Source, path, message, fix, ns.Annotations);
    }

    /// <summary>Reports a finding about a namespace at most as serious as <paramref name="atMost"/>.</summary>
    public void Report(Namespace ns, string path, string message, string? fix, Severity atMost)
    {
        ArgumentNullException.ThrowIfNull(ns);
        Add($"Namespace {ns.Name}", ns.Name, ns.Source, path, message, fix, ns.Annotations, atMost);
    }

    /// <summary>
    /// How findings name a pod: <c>Pod shop/web-1</c>, or for the synthetic pod of a workload
    /// <c>Deployment shop/web</c>.
    /// </summary>
    public static string ObjectName(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (pod.WorkloadKind is { } kind)
        {
            var slash = pod.Name.IndexOf('/', StringComparison.Ordinal);
            return $"{kind} {pod.Namespace}/{pod.Name[(slash + 1)..]}";
        }

        return $"Pod {pod.FullName}";
    }

    internal void Begin(LintRule rule, Severity severity)
    {
        _current = rule;
        _currentSeverity = severity;
    }

    private void Add(string obj, string ns, SourceLocation? location, string path, string message, string? fix, IReadOnlyDictionary<string, string> annotations, Severity atMost = Severity.Error)
    {
        var rule = _current ?? throw new InvalidOperationException("report outside a rule");
        if (Ignores(annotations, rule.Id) || (Cluster.FindNamespace(ns) is { } owner && Ignores(owner.Annotations, rule.Id)))
        {
            Suppressed++;
            return;
        }

        var severity = _currentSeverity < atMost ? _currentSeverity : atMost;
        _findings.Add(new LintFinding(rule.Id, severity, obj, ns, location, path, message, fix));
    }

    private static bool Ignores(IReadOnlyDictionary<string, string> annotations, string ruleId)
    {
        if (!annotations.TryGetValue(IgnoreAnnotation, out var value))
        {
            return false;
        }

        foreach (var part in value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part == ruleId || part is "all" or "*")
            {
                return true;
            }
        }

        return false;
    }
}
