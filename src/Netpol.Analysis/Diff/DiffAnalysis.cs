using Netpol.Analysis.Matrix;
using Netpol.Core;
using Netpol.Core.Engine;
using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Diff;

/// <summary>
/// Runs <c>netpol diff</c>: what a change to the manifests does to connectivity. Endpoints (workloads or pods) are
/// matched by name; for every ordered pair present on both sides the allowed ports are compared, as
/// <c>netpol matrix</c> computes them (for a workload: the ports allowed between every pod of the source and every
/// pod of the destination). The engines walk the cluster network policy tiers, so connections changed by a cluster
/// network policy count like any other; such changes name the tier rules that decided them. Policies and cluster
/// network policies are compared by meaning.
/// </summary>
public static class DiffAnalysis
{
    /// <summary>Compares <paramref name="before"/> (base) with <paramref name="after"/> (head).</summary>
    public static DiffResult Run(Cluster before, Cluster after, DiffOptions options)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var ns in options.Namespaces)
        {
            if (before.FindNamespace(ns) is null && after.FindNamespace(ns) is null)
            {
                var known = before.Namespaces.Concat(after.Namespaces).Select(n => n.Name).Distinct().Order(StringComparer.Ordinal);
                throw new NetpolException($"no namespace \"{ns}\" on either side; namespaces: {string.Join(", ", known)}");
            }
        }

        // Under a plugin profile connections are compared between the clusters as the plugin enforces them; what the
        // user changed (policies, cluster policies) is still compared as written.
        var profile = options.Cni;
        var (original, changed) = (before, after);
        IReadOnlyList<string> ignored = [];
        if (!profile.IsPortable)
        {
            var (b, a) = (new ProfiledCluster(profile, before), new ProfiledCluster(profile, after));
            ignored = b.IgnoredClusterPolicies.Concat(a.IgnoredClusterPolicies)
                .Select(ClusterPolicyNames.Short)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            (before, after) = (b.Cluster, a.Cluster);
        }

        var baseEndpoints = Endpoints(before, options);
        var headEndpoints = Endpoints(after, options);
        var endpoints = new EndpointChanges(
            headEndpoints.Keys.Where(k => !baseEndpoints.ContainsKey(k)).Order(StringComparer.Ordinal).ToList(),
            baseEndpoints.Keys.Where(k => !headEndpoints.ContainsKey(k)).Order(StringComparer.Ordinal).ToList());
        var common = baseEndpoints.Keys.Where(headEndpoints.ContainsKey).Order(StringComparer.Ordinal)
            .Select(k => (k, baseEndpoints[k], headEndpoints[k]))
            .ToList();

        // The sides are independent: compile their engines side by side, then compare connections and policies at once.
        FastEngine? baseEngine = null;
        FastEngine? headEngine = null;
        Parallel.Invoke(() => baseEngine = new FastEngine(before), () => headEngine = new FastEngine(after));
        List<ConnectionChange>? gained = null;
        List<ConnectionChange>? lost = null;
        PolicyChanges? policies = null;
        ClusterPolicyChanges? clusterPolicies = null;
        Parallel.Invoke(
            () => (gained, lost) = new ConnectionDiff(baseEngine!, headEngine!).Compare(common),
            () => policies = Policies(original, changed, options.Namespaces),
            () => clusterPolicies = ClusterPolicies(original, changed, options.Namespaces));
        if (!profile.SupportsSctp)
        {
            // The plugin carries no SCTP on either side: no SCTP connection can be gained or lost.
            gained = WithoutSctp(gained!);
            lost = WithoutSctp(lost!);
        }

        var tiered = original.HasClusterPolicies || changed.HasClusterPolicies;
        if (tiered && gained!.Count + lost!.Count > 0)
        {
            // Only changed connections are explained, so this costs nothing when little changed.
            var sides = common.ToDictionary(c => c.k, c => (c.Item2, c.Item3), StringComparer.Ordinal);
            var causes = new TierCauses(before, after);
            gained = causes.Annotate(gained!, sides);
            lost = causes.Annotate(lost!, sides);
        }

        return new DiffResult(options.By, gained!, lost!, policies!, endpoints)
        {
            ClusterPolicies = clusterPolicies!,
            Tiered = tiered,
            Cni = profile.IsPortable ? null : profile,
            IgnoredClusterPolicies = ignored,
        };
    }

    private static List<ConnectionChange> WithoutSctp(List<ConnectionChange> changes) =>
        [.. changes
            .Select(c => c with { Ports = c.Ports.Except(PortSet.OfProtocol(Protocol.SCTP)) })
            .Where(c => !c.Ports.IsEmpty)];

    /// <summary>The endpoints of a side by name, as <c>netpol matrix</c> names its rows.</summary>
    private static Dictionary<string, List<Pod>> Endpoints(Cluster cluster, DiffOptions options)
    {
        var result = new Dictionary<string, List<Pod>>(StringComparer.Ordinal);
        foreach (var pod in cluster.Pods)
        {
            if (options.Namespaces.Count > 0 && !options.Namespaces.Contains(pod.Namespace))
            {
                continue;
            }

            var name = options.By == Grouping.Workload ? $"{pod.Namespace}/{pod.Owner ?? pod.Name}" : pod.FullName;
            if (!result.TryGetValue(name, out var members))
            {
                members = [];
                result[name] = members;
            }

            members.Add(pod);
        }

        return result;
    }

    private static PolicyChanges Policies(Cluster before, Cluster after, IReadOnlyList<string> namespaces)
    {
        var b = Selected(before, namespaces);
        var h = Selected(after, namespaces);
        var modified = new List<PolicyModification>();
        foreach (var (name, policy) in b.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (h.TryGetValue(name, out var other) && PolicyComparer.ChangedFields(policy, other) is { Count: > 0 } fields)
            {
                modified.Add(new PolicyModification(name, fields));
            }
        }

        return new PolicyChanges(
            h.Keys.Where(k => !b.ContainsKey(k)).Order(StringComparer.Ordinal).ToList(),
            b.Keys.Where(k => !h.ContainsKey(k)).Order(StringComparer.Ordinal).ToList(),
            modified);
    }

    private static Dictionary<string, NetworkPolicy> Selected(Cluster cluster, IReadOnlyList<string> namespaces)
    {
        var result = new Dictionary<string, NetworkPolicy>(StringComparer.Ordinal);
        foreach (var p in cluster.Policies.Where(p => namespaces.Count == 0 || namespaces.Contains(p.Namespace)))
        {
            result.TryAdd(p.FullName, p);
        }

        return result;
    }

    /// <summary>
    /// Cluster network policies matched by kind and name. With a namespace filter, only those whose subject selects
    /// one of the namespaces (by its labels on that side) on either side: only they decide connections there.
    /// </summary>
    private static ClusterPolicyChanges ClusterPolicies(Cluster before, Cluster after, IReadOnlyList<string> namespaces)
    {
        var b = SelectedClusterPolicies(before, namespaces);
        var h = SelectedClusterPolicies(after, namespaces);
        var modified = new List<ClusterPolicyModification>();
        foreach (var (key, policy) in b)
        {
            if (h.TryGetValue(key, out var other) && ClusterPolicyComparer.Changes(policy, other) is { Count: > 0 } changes)
            {
                modified.Add(new ClusterPolicyModification(ClusterPolicyNames.Short(other), other.Kind, changes));
            }
        }

        return new ClusterPolicyChanges(
            h.Where(kv => !b.ContainsKey(kv.Key)).Select(kv => ClusterPolicyNames.Short(kv.Value)).Order(StringComparer.Ordinal).ToList(),
            b.Where(kv => !h.ContainsKey(kv.Key)).Select(kv => ClusterPolicyNames.Short(kv.Value)).Order(StringComparer.Ordinal).ToList(),
            [.. modified.OrderBy(m => m.Name, StringComparer.Ordinal)]);
    }

    private static SortedDictionary<string, ClusterNetworkPolicy> SelectedClusterPolicies(Cluster cluster, IReadOnlyList<string> namespaces)
    {
        var result = new SortedDictionary<string, ClusterNetworkPolicy>(StringComparer.Ordinal);
        foreach (var p in cluster.ClusterPolicies)
        {
            if (namespaces.Count == 0 || namespaces.Any(n => cluster.FindNamespace(n) is { } ns && p.Subject.NamespaceSelector.Matches(ns.Labels)))
            {
                result.TryAdd($"{p.Kind}/{p.Name}", p);
            }
        }

        return result;
    }
}
