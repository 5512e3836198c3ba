using System.Net;
using Netpol.Analysis.Check;
using Netpol.Analysis.Coverage;
using Netpol.Analysis.Graph;
using Netpol.Analysis.Lint;
using Netpol.Core.Explain;
using Netpol.Core.Model;

namespace Netpol.Analysis.Report;

/// <summary>Runs <c>netpol report</c>: the graph, lint and coverage analyses over one cluster, for one page.</summary>
public static class ReportAnalysis
{
    /// <summary>The namespace label that names the team owning it.</summary>
    public const string TeamLabel = "team";

    /// <summary>The report's contents.</summary>
    public static ReportResult Run(Cluster cluster, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        var graph = GraphAnalysis.Run(cluster, new GraphOptions { By = GraphGrouping.Workload, ShowDenied = true, ShowOpen = true });
        var lint = LintAnalysis.Run(cluster);
        var coverage = CoverageAnalysis.Run(cluster, new CoverageOptions { By = Matrix.Grouping.Workload });
        return new ReportResult(options, graph, Explain(cluster, graph, options.MaxExplanations), lint, coverage, cluster.Pods.Count, cluster.Policies.Count)
        {
            Teams = cluster.Namespaces.Where(n => n.Labels.ContainsKey(TeamLabel)).ToDictionary(n => n.Name, n => n.Labels[TeamLabel], StringComparer.Ordinal),
        };
    }

    private static List<EdgeExplanation> Explain(Cluster cluster, GraphResult graph, int max)
    {
        var result = new List<EdgeExplanation>();
        if (graph.Edges.Count > max)
        {
            return result;
        }

        var explainer = new Explainer(cluster);
        var nodes = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            if (EndpointOf(cluster, nodes[edge.From]) is not { } from || EndpointOf(cluster, nodes[edge.To]) is not { } to || edge.Ports.Ranges.Count == 0)
            {
                continue;
            }

            var first = edge.Ports.Ranges[0];
            result.Add(new EdgeExplanation(i, new CheckCase(null, null, explainer.Explain(from, to, first.Start, first.Protocol))));
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
