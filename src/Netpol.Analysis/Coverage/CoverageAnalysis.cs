using Netpol.Analysis.Lint;
using Netpol.Analysis.Matrix;
using Netpol.Core;
using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Core.Profiles;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Coverage;

/// <summary>
/// Runs <c>netpol coverage</c>: which pods some policy isolates, per direction, per namespace and overall, and which
/// namespaces have a default deny. Only a pod's own namespace's policies can select it, so the work is the sum over
/// namespaces of pods times policies there, never all pods times all policies.
/// </summary>
public static class CoverageAnalysis
{
    /// <summary>Computes the coverage of the chosen namespaces.</summary>
    /// <exception cref="NetpolException">A threshold outside 0 to 100, or an unknown namespace.</exception>
    public static CoverageResult Run(Cluster cluster, CoverageOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        CheckThreshold("--min-ingress", options.MinIngress);
        CheckThreshold("--min-egress", options.MinEgress);
        if (options.Cni.IsPortable)
        {
            return Compute(cluster, options, cluster.HasClusterPolicies);
        }

        // Only cluster policies can differ: a plugin profile never changes which NetworkPolicies select a pod, but it
        // may leave out the cluster policies of kinds it does not implement. The tier counts stay in the output
        // whenever the input has cluster policies, so that "none of them applies" shows as zeros.
        var profiled = new ProfiledCluster(options.Cni, cluster);
        var portable = Compute(cluster, options, cluster.HasClusterPolicies);
        var result = Compute(profiled.Cluster, options, cluster.HasClusterPolicies);
        var entries = new List<CoverageEntry>(result.Entries.Count);
        for (var i = 0; i < result.Entries.Count; i++)
        {
            var (mine, theirs) = (result.Entries[i], portable.Entries[i]);
            var differs = mine.IngressIsolatedPods != theirs.IngressIsolatedPods
                || mine.EgressIsolatedPods != theirs.EgressIsolatedPods
                || mine.Tiers != theirs.Tiers
                || !mine.ClusterPolicies.SequenceEqual(theirs.ClusterPolicies, StringComparer.Ordinal);
            entries.Add(differs ? mine with { CniDiffers = true, PortableTiers = theirs.Tiers, PortableClusterPolicies = theirs.ClusterPolicies } : mine);
        }

        return result with
        {
            Entries = entries,
            Cni = options.Cni.Name,
            IgnoredClusterPolicies = [.. profiled.IgnoredClusterPolicies.Select(ClusterPolicyNames.Short)],
            IgnoredReason = profiled.IgnoredClusterPolicies.Count == 0 ? string.Empty : options.Cni.EvidenceFor(CniBehaviour.ClusterPolicyKindIgnored)?.Reason ?? string.Empty,
            PortableTiers = portable.Summary.Tiers,
        };
    }

    private static CoverageResult Compute(Cluster cluster, CoverageOptions options, bool tiered)
    {
        var selected = SelectNamespaces(cluster, options.Namespaces);
        var namespaces = new List<CoverageNamespace>(selected.Count);
        var entries = new List<CoverageEntry>();
        var summary = CoverageCounts.Zero;
        foreach (var ns in selected)
        {
            var covered = CoverNamespace(cluster, ns, options.By, entries, tiered);
            namespaces.Add(covered);
            summary = summary.Add(covered.Counts);
        }

        var thresholds = new List<CoverageThreshold>();
        if (options.MinIngress is { } mi)
        {
            thresholds.Add(new CoverageThreshold(Direction.Ingress, mi, summary.IngressPercent, summary.IngressIsolated, summary.Pods));
        }

        if (options.MinEgress is { } me)
        {
            thresholds.Add(new CoverageThreshold(Direction.Egress, me, summary.EgressPercent, summary.EgressIsolated, summary.Pods));
        }

        return new CoverageResult(options.By, summary, namespaces, entries, thresholds) { Tiered = tiered };
    }

    private static void CheckThreshold(string option, double? value)
    {
        // NaN fails both comparisons, so it is rejected too.
        if (value is { } v && !(v >= 0 && v <= 100))
        {
            throw new NetpolException($"{option} {v}: a percentage is a number from 0 to 100 (decimals allowed, e.g. 87.5)");
        }
    }

    private static List<Namespace> SelectNamespaces(Cluster cluster, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return [.. cluster.Namespaces];
        }

        foreach (var name in names)
        {
            if (cluster.FindNamespace(name) is null)
            {
                throw new NetpolException($"no namespace \"{name}\" in the input; namespaces: {string.Join(", ", cluster.Namespaces.Select(n => n.Name))}");
            }
        }

        var wanted = names.ToHashSet(StringComparer.Ordinal);
        return cluster.Namespaces.Where(n => wanted.Contains(n.Name)).ToList();
    }

    private static CoverageNamespace CoverNamespace(Cluster cluster, Namespace ns, Grouping by, List<CoverageEntry> entries, bool tiered)
    {
        var policies = cluster.PoliciesIn(ns.Name);
        var ingressPolicies = policies.Where(p => p.AffectsIngress).ToArray();
        var egressPolicies = policies.Where(p => p.AffectsEgress).ToArray();
        var podEntries = new List<CoverageEntry>();
        int ingress = 0, egress = 0, open = 0, hostNetwork = 0;
        var tiers = TierCoverage.Zero;
        foreach (var pod in cluster.PodsIn(ns.Name))
        {
            var entry = Cover(pod, ingressPolicies, egressPolicies);
            if (tiered)
            {
                entry = CoverTiers(cluster, pod, entry);
                tiers = tiers.Add(entry.Tiers);
            }

            podEntries.Add(entry);
            ingress += entry.IngressIsolatedPods;
            egress += entry.EgressIsolatedPods;
            open += entry.Open ? 1 : 0;
            hostNetwork += entry.HostNetworkPods;
        }

        if (by == Grouping.Workload)
        {
            entries.AddRange(ByWorkload(cluster, ns.Name, podEntries));
        }
        else
        {
            entries.AddRange(podEntries);
        }

        var counts = new CoverageCounts(podEntries.Count, ingress, egress, open, hostNetwork) { Tiers = tiers };
        return new CoverageNamespace(
            ns.Name,
            counts,
            policies.Select(p => p.Name).ToList(),
            ingressPolicies.Where(p => p.PodSelector.IsEmpty).Select(p => p.Name).ToList(),
            egressPolicies.Where(p => p.PodSelector.IsEmpty).Select(p => p.Name).ToList());
    }

    private static CoverageEntry Cover(Pod pod, NetworkPolicy[] ingressPolicies, NetworkPolicy[] egressPolicies)
    {
        var ingress = Selecting(pod, ingressPolicies, Direction.Ingress);
        var egress = Selecting(pod, egressPolicies, Direction.Egress);
        return new CoverageEntry(
            pod.FullName,
            pod.Namespace,
            1,
            ingress.Length > 0 ? 1 : 0,
            egress.Length > 0 ? 1 : 0,
            pod.HostNetwork ? 1 : 0,
            ingress,
            egress);
    }

    /// <summary>Adds what the tiers cover for one pod: which tiers select it per direction, and baseline protection.</summary>
    private static CoverageEntry CoverTiers(Cluster cluster, Pod pod, CoverageEntry entry)
    {
        var selecting = cluster.ClusterPolicies.Where(p => Semantics.Selects(p, pod, cluster)).ToList();
        int Subject(ClusterPolicyTier tier, Direction direction) =>
            selecting.Any(p => p.Tier == tier && p.Rules(direction).Count > 0) ? 1 : 0;
        int Protected(Direction direction) =>
            entry.IsolatedPods(direction) == 0 && selecting.Any(p => p.Tier == ClusterPolicyTier.Baseline && p.Rules(direction).Any(r => r.Action == ClusterRuleAction.Deny)) ? 1 : 0;
        // A Baseline catch-all only decides where no NetworkPolicy isolates the pod; an Admin one decides first.
        int CatchAll(Direction direction) => TierCatchAll.For(cluster, cluster.ClusterPolicies, pod, direction) is { } found
            && (found.Tier == ClusterPolicyTier.Admin || entry.IsolatedPods(direction) == 0) ? 1 : 0;
        return entry with
        {
            Tiers = new TierCoverage(
                Subject(ClusterPolicyTier.Admin, Direction.Ingress),
                Subject(ClusterPolicyTier.Admin, Direction.Egress),
                Subject(ClusterPolicyTier.Baseline, Direction.Ingress),
                Subject(ClusterPolicyTier.Baseline, Direction.Egress),
                Protected(Direction.Ingress),
                Protected(Direction.Egress))
            {
                CatchAllIngress = CatchAll(Direction.Ingress),
                CatchAllEgress = CatchAll(Direction.Egress),
            },
            ClusterPolicies = selecting.Select(ClusterPolicyNames.Short).ToList(),
        };
    }

    private static string[] Selecting(Pod pod, NetworkPolicy[] policies, Direction direction)
    {
        List<string>? names = null;
        foreach (var policy in policies)
        {
            // Semantics.Selects is the rule itself: same namespace, the direction, the podSelector, never hostNetwork.
            if (Semantics.Selects(policy, pod, direction))
            {
                (names ??= []).Add(policy.Name);
            }
        }

        return names is null ? [] : [.. names];
    }

    private static IEnumerable<CoverageEntry> ByWorkload(Cluster cluster, string ns, List<CoverageEntry> podEntries)
    {
        // A real pod with an owner joins its workload; a workload's synthetic pod and an unowned pod stand alone.
        var pods = cluster.PodsIn(ns);
        return podEntries.Select((entry, i) => (Key: pods[i].Owner ?? pods[i].Name, Entry: entry))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CoverageEntry(
                $"{ns}/{g.Key}",
                ns,
                g.Count(),
                g.Sum(x => x.Entry.IngressIsolatedPods),
                g.Sum(x => x.Entry.EgressIsolatedPods),
                g.Sum(x => x.Entry.HostNetworkPods),
                Union(g.Select(x => x.Entry.IngressPolicies)),
                Union(g.Select(x => x.Entry.EgressPolicies)))
            {
                Tiers = g.Aggregate(TierCoverage.Zero, (sum, x) => sum.Add(x.Entry.Tiers)),
                ClusterPolicies = g.SelectMany(x => x.Entry.ClusterPolicies).Distinct(StringComparer.Ordinal).ToList(),
            });
    }

    private static List<string> Union(IEnumerable<IReadOnlyList<string>> lists) =>
        lists.SelectMany(l => l).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
