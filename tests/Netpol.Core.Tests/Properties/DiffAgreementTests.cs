using CsCheck;
using Netpol.Analysis.Diff;
using Netpol.Analysis.Matrix;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Core.Tests.Properties;

/// <summary>
/// netpol diff compares groups of classes instead of every pair; on random pairs of clusters (the second derived from
/// the first: policies dropped and added, pods relabelled, removed and added, a namespace relabelled) it must report
/// exactly what comparing every pod pair with the reference evaluator reports.
/// </summary>
public sealed class DiffAgreementTests
{
    [Theory]
    [InlineData(false, 1500)]
    [InlineData(true, 800)]
    public void Diff_agrees_with_the_reference_evaluator_pair_by_pair(bool clusterPolicies, int iterations)
    {
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                // Given two versions of a random cluster (with Admin and Baseline policies, some dropped and added)
                var before = WithOwners(RandomClusters.Generate(seed, clusterPolicies));
                var after = Changed(before, seed, clusterPolicies);
                foreach (var by in new[] { Grouping.Workload, Grouping.Pod })
                {
                    // When
                    var result = DiffAnalysis.Run(before, after, new DiffOptions { By = by });

                    // Then
                    var (gained, lost) = BruteForce(before, after, by);
                    var message = $"seed {seed}, by {by}\nbase:\n{Describe(before)}\nhead:\n{Describe(after)}";
                    Assert.True(gained.SequenceEqual(Lines(result.Gained)), $"gained differs: expected [{string.Join("; ", gained)}], got [{string.Join("; ", Lines(result.Gained))}]\n{message}");
                    Assert.True(lost.SequenceEqual(Lines(result.Lost)), $"lost differs: expected [{string.Join("; ", lost)}], got [{string.Join("; ", Lines(result.Lost))}]\n{message}");
                }
            },
            iter: iterations);
    }

    /// <summary>Every other pod becomes a replica of one of two workloads, so that workloads have several pods.</summary>
    private static Cluster WithOwners(Cluster c) =>
        new(c.Namespaces, c.Pods.Select((p, i) => i % 2 == 0 ? p with { Owner = $"deploy/w{i % 4}" } : p), c.Policies, c.Services, c.ClusterPolicies, c.Nodes);

    private static Cluster Changed(Cluster c, int seed, bool clusterPolicies)
    {
        var r = new Random(seed ^ 0x5bd1e995);
        var other = WithOwners(RandomClusters.Generate(unchecked(seed * 31) + 7, clusterPolicies));
        var policies = c.Policies.Where(_ => r.Next(3) != 0).Concat(other.Policies.Where(_ => r.Next(2) == 0)).ToList();
        var pods = new List<Pod>();
        foreach (var p in c.Pods)
        {
            var dice = r.Next(6);
            if (dice == 0)
            {
                continue; // removed
            }

            pods.Add(dice == 1 && other.Pods.Count > 0 ? p with { Labels = other.Pods[r.Next(other.Pods.Count)].Labels } : p);
        }

        pods.AddRange(other.Pods.Where(_ => r.Next(3) == 0).Select(p => p with { Name = p.Name + "-new" }));
        var namespaces = c.Namespaces.Select(n => r.Next(4) == 0 ? n with { Labels = other.Namespaces[0].Labels } : n).ToList();
        var tiers = c.ClusterPolicies.Where(_ => r.Next(3) != 0).Concat(other.ClusterPolicies.Where(_ => r.Next(2) == 0)).DistinctBy(p => p.FullName);
        return new Cluster(namespaces, pods, policies.DistinctBy(p => p.FullName), c.Services, tiers, c.Nodes);
    }

    private static (List<string> Gained, List<string> Lost) BruteForce(Cluster before, Cluster after, Grouping by)
    {
        var b = Endpoints(before, by);
        var h = Endpoints(after, by);
        var rb = new ReferenceEvaluator(before);
        var rh = new ReferenceEvaluator(after);
        var common = b.Keys.Where(h.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var gained = new List<string>();
        var lost = new List<string>();
        foreach (var from in common)
        {
            foreach (var to in common)
            {
                var x = Ports(rb, b[from], b[to]);
                var y = Ports(rh, h[from], h[to]);
                if (y.Except(x) is { IsEmpty: false } g)
                {
                    gained.Add($"{from} -> {to} {g}");
                }

                if (x.Except(y) is { IsEmpty: false } l)
                {
                    lost.Add($"{from} -> {to} {l}");
                }
            }
        }

        return (gained, lost);
    }

    private static PortSet Ports(ReferenceEvaluator engine, List<Pod> from, List<Pod> to)
    {
        var ports = PortSet.All;
        foreach (var a in from)
        {
            foreach (var c in to)
            {
                ports = ports.Intersect(engine.AllowedPorts(Endpoint.ForPod(a), Endpoint.ForPod(c)));
            }
        }

        return ports;
    }

    private static Dictionary<string, List<Pod>> Endpoints(Cluster c, Grouping by) =>
        c.Pods.GroupBy(p => by == Grouping.Workload ? $"{p.Namespace}/{p.Owner ?? p.Name}" : p.FullName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    private static IEnumerable<string> Lines(IEnumerable<ConnectionChange> changes) => changes.Select(c => $"{c.From} -> {c.To} {c.Ports}");

    private static string Describe(Cluster c) =>
        string.Join("\n", c.Namespaces.Select(n => $"  ns {n.Name} {string.Join(",", n.Labels.Select(kv => $"{kv.Key}={kv.Value}"))}")
            .Concat(c.Pods.Select(p => $"  pod {p.FullName} owner={p.Owner} labels[{string.Join(",", p.Labels.Select(kv => $"{kv.Key}={kv.Value}"))}] ips[{string.Join(",", p.IPs)}] ports[{string.Join(",", p.Ports)}] host={p.HostNetwork}"))
            .Concat(c.Policies.Select(p => $"  policy {p.FullName} sel={p.PodSelector} in={p.AffectsIngress}:{p.Ingress.Count} rules eg={p.AffectsEgress}:{p.Egress.Count} rules")));
}
