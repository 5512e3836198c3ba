using System.Net;
using Netpol.Analysis.Check;
using Netpol.Analysis.Cni;
using Netpol.Analysis.Coverage;
using Netpol.Analysis.Describe;
using Netpol.Analysis.Graph;
using Netpol.Analysis.Lint;
using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Report;

/// <summary>
/// Runs <c>netpol report</c>: the graph, lint and coverage analyses over one cluster, for one page, with the
/// cluster network policy tiers. With a network plugin profile (<see cref="ReportOptions.Cni"/>) the graph,
/// explanations and coverage are the cluster as that plugin enforces it.
/// </summary>
public static class ReportAnalysis
{
    /// <summary>The namespace label that names the team owning it.</summary>
    public const string TeamLabel = "team";

    /// <summary>The report's contents.</summary>
    public static ReportResult Run(Cluster cluster, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        var profile = options.Cni;
        var profiled = profile.IsPortable ? null : profile.Apply(cluster);

        // What the plugin enforces: the profile's rewrite of the input (ipBlocks it skips, cluster policy kinds it
        // ignores). Its pair-level rule for SCTP applies to the drawn flows below; traffic from a pod's own node is
        // not a flow between workloads, so only check explains it.
        var enforced = profiled?.Cluster ?? cluster;
        var graph = GraphAnalysis.Run(enforced, new GraphOptions { By = GraphGrouping.Workload, ShowDenied = true, ShowOpen = true });
        if (!profile.SupportsSctp)
        {
            graph = WithoutSctp(graph);
        }

        IReadOnlyList<int> tierDenied = [];
        var omitted = 0;
        if (enforced.HasClusterPolicies && graph.Nodes.Count(n => n.Namespace is not null) <= options.AggregateAbove)
        {
            (graph, tierDenied, omitted) = WithTierDenied(enforced, graph, options.MaxTierDenied);
        }

        var lint = LintAnalysis.Run(cluster, profile.IsPortable ? null : new LintOptions { CniProfiles = [profile], CniNamed = true });
        var coverage = CoverageAnalysis.Run(enforced, new CoverageOptions { By = Matrix.Grouping.Workload });
        Func<Endpoint, Endpoint, int, Protocol, ConnectionExplanation> explain = profiled is null
            ? new Explainer(cluster).Explain
            : new CniExplainer(cluster, profile).Explain;
        return new ReportResult(options, graph, Explain(cluster, graph, options.MaxExplanations, explain), lint, coverage, cluster.Pods.Count, cluster.Policies.Count)
        {
            Teams = cluster.Namespaces.Where(n => n.Labels.ContainsKey(TeamLabel)).ToDictionary(n => n.Name, n => n.Labels[TeamLabel], StringComparer.Ordinal),
            ClusterPolicies = DescribeAnalysis.ClusterPolicies(cluster),
            IgnoredClusterPolicies = profiled is null ? [] : [.. profiled.IgnoredClusterPolicies.Select(ClusterPolicyNames.Short)],
            NetworkPolicyNamespaces = cluster.Policies.Select(p => p.Namespace).Distinct(StringComparer.Ordinal).Count(),
            Governing = Governing(enforced, graph),
            TierDeniedEdges = tierDenied,
            TierDeniedOmitted = omitted,
        };
    }

    private static GraphResult WithoutSctp(GraphResult graph)
    {
        var sctp = PortSet.OfProtocol(Protocol.SCTP);
        var edges = graph.Edges.Select(e => e with { Ports = e.Ports.Except(sctp) }).Where(e => !e.Ports.IsEmpty).ToList();
        return graph with { Edges = edges };
    }

    // A flow NetworkPolicy alone allows, on ports the destination serves, that the tiers deny: a cluster network
    // policy decided it. Found by comparing the graph of the cluster without its cluster policies with the graph as
    // enforced, so the engine decides both and nothing here re-evaluates policy.
    private static (GraphResult Graph, IReadOnlyList<int> Added, int Omitted) WithTierDenied(Cluster cluster, GraphResult graph, int max)
    {
        var withoutTiers = new Cluster(cluster.Namespaces, cluster.Pods, cluster.Policies, cluster.Services, null, cluster.Nodes);
        var plain = GraphAnalysis.Run(withoutTiers, new GraphOptions { By = GraphGrouping.Workload, ShowDenied = false, ShowOpen = true });
        var nodes = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var drawn = new Dictionary<(string, string), (PortSet Allowed, bool Denied)>();
        foreach (var e in graph.Edges)
        {
            var (allowed, denied) = drawn.GetValueOrDefault((e.From, e.To), (PortSet.Empty, false));
            drawn[(e.From, e.To)] = e.Kind == GraphEdgeKind.Denied ? (allowed, true) : (allowed.Union(e.Ports), denied);
        }

        var added = new List<GraphEdge>();
        var omitted = 0;
        foreach (var e in plain.Edges.Where(e => e.Kind != GraphEdgeKind.Denied && e.From != e.To))
        {
            if (!nodes.ContainsKey(e.From) || !nodes.TryGetValue(e.To, out var to) || to.Namespace is null)
            {
                continue;
            }

            var ports = e.Ports.Intersect(Served(cluster, to));
            if (drawn.TryGetValue((e.From, e.To), out var d))
            {
                // A pair already drawn as denied keeps its one edge; its explanation names the tier that decided.
                ports = d.Denied ? PortSet.Empty : ports.Except(d.Allowed);
            }

            if (ports.IsEmpty)
            {
                continue;
            }

            if (added.Count < max)
            {
                added.Add(new GraphEdge(e.From, e.To, ports, GraphEdgeKind.Denied));
            }
            else
            {
                omitted++;
            }
        }

        if (added.Count == 0)
        {
            return (graph, [], omitted);
        }

        var edges = graph.Edges.Concat(added)
            .OrderBy(e => e.From, StringComparer.Ordinal)
            .ThenBy(e => e.To, StringComparer.Ordinal)
            .ThenBy(e => e.Kind)
            .ToList();
        var fresh = new HashSet<GraphEdge>(added, ReferenceEqualityComparer.Instance);
        var indices = Enumerable.Range(0, edges.Count).Where(i => fresh.Contains(edges[i])).ToList();
        return (graph with { Edges = edges }, indices, omitted);
    }

    private static PortSet Served(Cluster cluster, GraphNode node) =>
        PortSet.FromRanges(node.Pods.Select(cluster.FindPod).OfType<Pod>().SelectMany(p => p.Ports).Select(p => new PortRange(p.Protocol, p.Port, p.Port)));

    private static List<GoverningPolicy> Governing(Cluster cluster, GraphResult graph)
    {
        var result = new List<GoverningPolicy>();
        if (!cluster.HasClusterPolicies)
        {
            return result;
        }

        foreach (var node in graph.Nodes.Where(n => n.Namespace is not null))
        {
            var pods = node.Pods.Select(cluster.FindPod).OfType<Pod>().ToList();
            foreach (var policy in cluster.ClusterPolicies)
            {
                if (!pods.Any(p => Semantics.Selects(policy, p, cluster)))
                {
                    continue;
                }

                foreach (var direction in new[] { Direction.Ingress, Direction.Egress }.Where(d => policy.Rules(d).Count > 0))
                {
                    result.Add(new GoverningPolicy(node.Id, ClusterPolicyNames.Short(policy), policy.Tier, policy.Priority, direction));
                }
            }
        }

        return result;
    }

    private static List<EdgeExplanation> Explain(Cluster cluster, GraphResult graph, int max, Func<Endpoint, Endpoint, int, Protocol, ConnectionExplanation> explain)
    {
        var result = new List<EdgeExplanation>();
        if (graph.Edges.Count > max)
        {
            return result;
        }

        var nodes = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            if (EndpointOf(cluster, nodes[edge.From]) is not { } from || EndpointOf(cluster, nodes[edge.To]) is not { } to || edge.Ports.Ranges.Count == 0)
            {
                continue;
            }

            var first = edge.Ports.Ranges[0];
            result.Add(new EdgeExplanation(i, new CheckCase(null, null, explain(from, to, first.Start, first.Protocol))));
        }

        return result;
    }

    private static Endpoint? EndpointOf(Cluster cluster, GraphNode node)
    {
        if (node.RepresentativeAddress is { } address)
        {
            return Endpoint.ForAddress(IPAddress.Parse(address));
        }

        return node.Pods.Count > 0 && cluster.FindPod(node.Pods[0]) is { } pod ? Endpoint.ForPod(pod) : null;
    }
}
