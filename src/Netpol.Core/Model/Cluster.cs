using System.Net;

namespace Netpol.Core.Model;

/// <summary>
/// Everything loaded: namespaces, pods (real and synthetic), services, policies, cluster network policies and
/// nodes, with lookups by namespace. Every namespace an object uses exists (declared or implicit).
/// </summary>
public sealed class Cluster
{
    private readonly Dictionary<string, Namespace> _namespaces;
    private readonly Dictionary<string, List<Pod>> _podsByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<NetworkPolicy>> _policiesByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Pod> _podsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Service> _servicesByName = new(StringComparer.Ordinal);
    private Dictionary<IPAddress, Pod>? _podsByIP;

    /// <summary>
    /// Builds a cluster; namespaces used by objects but not given are created implicitly. Cluster network policies
    /// and nodes are optional: without them the cluster is what NetworkPolicy alone decides.
    /// </summary>
    public Cluster(
        IEnumerable<Namespace> namespaces,
        IEnumerable<Pod> pods,
        IEnumerable<NetworkPolicy> policies,
        IEnumerable<Service>? services = null,
        IEnumerable<ClusterNetworkPolicy>? clusterPolicies = null,
        IEnumerable<ClusterNode>? nodes = null)
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(policies);
        _namespaces = new(StringComparer.Ordinal);
        foreach (var ns in namespaces)
        {
            _namespaces[ns.Name] = WithNameLabel(ns);
        }

        Pods = [.. pods.OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];
        Policies = [.. policies.OrderBy(p => p.Namespace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];
        Services = [.. (services ?? []).OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];

        // Evaluation order: tier, then priority (lower first), then a stable tie-break the API leaves undefined.
        ClusterPolicies = [.. (clusterPolicies ?? []).OrderBy(p => p.Tier).ThenBy(p => p.Priority)
            .ThenBy(p => p.Kind, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];
        Nodes = [.. (nodes ?? []).OrderBy(n => n.Name, StringComparer.Ordinal)];
        foreach (var pod in Pods)
        {
            Ensure(pod.Namespace);
            Add(_podsByNamespace, pod.Namespace, pod);
            _podsByName[pod.FullName] = pod;
        }

        foreach (var policy in Policies)
        {
            Ensure(policy.Namespace);
            Add(_policiesByNamespace, policy.Namespace, policy);
        }

        foreach (var service in Services)
        {
            Ensure(service.Namespace);
            _servicesByName[service.FullName] = service;
        }

        Namespaces = [.. _namespaces.Values.OrderBy(n => n.Name, StringComparer.Ordinal)];
    }

    /// <summary>All namespaces, sorted by name.</summary>
    public IReadOnlyList<Namespace> Namespaces { get; }

    /// <summary>All pods, sorted by namespace and name.</summary>
    public IReadOnlyList<Pod> Pods { get; }

    /// <summary>All policies, sorted by namespace and name.</summary>
    public IReadOnlyList<NetworkPolicy> Policies { get; }

    /// <summary>All services, sorted by namespace and name.</summary>
    public IReadOnlyList<Service> Services { get; }

    /// <summary>
    /// All cluster network policies in evaluation order: Admin tier before Baseline, lower priority first, then by
    /// kind and name.
    /// </summary>
    public IReadOnlyList<ClusterNetworkPolicy> ClusterPolicies { get; }

    /// <summary>True when the cluster has at least one cluster network policy (then tiers apply).</summary>
    public bool HasClusterPolicies => ClusterPolicies.Count > 0;

    /// <summary>All nodes, sorted by name.</summary>
    public IReadOnlyList<ClusterNode> Nodes { get; }

    /// <summary>The namespace of that name (every namespace an object uses exists).</summary>
    public Namespace? FindNamespace(string name) => _namespaces.GetValueOrDefault(name);

    /// <summary>The namespace of a pod.</summary>
    public Namespace NamespaceOf(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return _namespaces[pod.Namespace];
    }

    /// <summary>The pods of a namespace.</summary>
    public IReadOnlyList<Pod> PodsIn(string ns) => _podsByNamespace.TryGetValue(ns, out var l) ? l : [];

    /// <summary>The policies of a namespace.</summary>
    public IReadOnlyList<NetworkPolicy> PoliciesIn(string ns) => _policiesByNamespace.TryGetValue(ns, out var l) ? l : [];

    /// <summary>The pod named <c>namespace/name</c> (synthetic pods: <c>namespace/deploy/name</c>).</summary>
    public Pod? FindPod(string fullName) => _podsByName.GetValueOrDefault(fullName);

    /// <summary>The service named <c>namespace/name</c>.</summary>
    public Service? FindService(string fullName) => _servicesByName.GetValueOrDefault(fullName);

    /// <summary>The pod that has this IP, if any (hostNetwork pods share the node's IP and are not returned).</summary>
    public Pod? FindPodByIP(IPAddress address)
    {
        if (_podsByIP is null)
        {
            var map = new Dictionary<IPAddress, Pod>();
            foreach (var pod in Pods)
            {
                if (pod.HostNetwork)
                {
                    continue;
                }

                foreach (var ip in pod.IPs)
                {
                    map.TryAdd(ip, pod);
                }
            }

            _podsByIP = map;
        }

        return _podsByIP.GetValueOrDefault(address);
    }

    /// <summary>The pods a service selects (none without a selector).</summary>
    public IReadOnlyList<Pod> BackendsOf(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Selector is null || service.Selector.Count == 0)
        {
            return [];
        }

        var selector = LabelSelector.FromLabels(service.Selector);
        return PodsIn(service.Namespace).Where(p => selector.Matches(p.Labels)).ToList();
    }

    private static Namespace WithNameLabel(Namespace ns)
    {
        if (ns.Labels.TryGetValue(Namespace.NameLabel, out var v) && v == ns.Name)
        {
            return ns;
        }

        var labels = new Dictionary<string, string>(ns.Labels, StringComparer.Ordinal) { [Namespace.NameLabel] = ns.Name };
        return ns with { Labels = labels };
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T item)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(item);
    }

    private void Ensure(string ns)
    {
        if (!_namespaces.ContainsKey(ns))
        {
            _namespaces[ns] = WithNameLabel(new Namespace(ns, new Dictionary<string, string>()) { IsImplicit = true });
        }
    }
}
