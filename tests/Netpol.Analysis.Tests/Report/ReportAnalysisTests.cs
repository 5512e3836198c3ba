using Netpol.Analysis.Graph;
using Netpol.Analysis.Report;
using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Core.Profiles;
using Netpol.Manifests.Loading;

namespace Netpol.Analysis.Tests.Report;

/// <summary><c>netpol report</c>'s analysis with cluster network policy tiers and network plugin profiles.</summary>
public sealed class ReportAnalysisTests
{
    private static Cluster Guardrails()
    {
        var loaded = ManifestLoader.Load(["example:admin-guardrails"]);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        return loaded.Cluster;
    }

    private static GraphEdge Edge(ReportResult report, string from, string to, GraphEdgeKind kind) =>
        Assert.Single(report.Graph.Edges, e => e.From == from && e.To == to && e.Kind == kind);

    private static EdgeExplanation Explanation(ReportResult report, GraphEdge edge)
    {
        var index = report.Graph.Edges.ToList().FindIndex(e => ReferenceEquals(e, edge));
        return Assert.Single(report.Explanations, x => x.Edge == index);
    }

    [Fact]
    public void Cluster_policies_are_listed_in_evaluation_order_Admin_by_priority_then_Baseline()
    {
        var report = ReportAnalysis.Run(Guardrails(), new ReportOptions());

        Assert.Equal(
            [
                ("cnp/always-allow-monitoring", ClusterPolicyTier.Admin, 5), ("cnp/deny-dev-to-prod", ClusterPolicyTier.Admin, 10),
                ("cnp/delegate-prod-to-owners", ClusterPolicyTier.Admin, 20), ("cnp/default-deny", ClusterPolicyTier.Baseline, 100),
            ],
            report.ClusterPolicies.Select(p => (p.Name, p.Tier, p.Priority)));
        Assert.Equal(2, report.NetworkPolicyNamespaces);
        Assert.Equal(["no-dev-traffic"], report.ClusterPolicies[1].Rules.Select(r => r.Name));
        Assert.Equal(["dev/deploy/client", "dev/deploy/web"], report.ClusterPolicies[1].Rules[0].Peers[0].Pods);
        Assert.Empty(report.IgnoredClusterPolicies);
    }

    [Fact]
    public void A_flow_NetworkPolicy_allows_and_an_Admin_Deny_denies_is_a_denied_edge_naming_the_rule()
    {
        var report = ReportAnalysis.Run(Guardrails(), new ReportOptions());

        var edge = Edge(report, "dev/deploy/web", "prod/deploy/web", GraphEdgeKind.Denied);
        var index = report.Graph.Edges.ToList().FindIndex(e => ReferenceEquals(e, edge));
        Assert.Contains(index, report.TierDeniedEdges);
        Assert.Equal("8080/TCP", edge.Ports.ToString());
        var x = Explanation(report, edge);
        Assert.False(x.Case.Explanation.Allowed);
        Assert.Equal("[Admin] cnp/deny-dev-to-prod ingress[0]", x.DeniedBy?.Reference);
        Assert.Equal(
            [(Direction.Egress, TierDecision.NetworkPolicy, true), (Direction.Ingress, TierDecision.Admin, false)],
            x.Decisions.Select(d => (d.Direction, d.DecidedBy, d.Allowed)));
    }

    [Fact]
    public void A_flow_a_Baseline_Deny_denies_for_a_pod_no_NetworkPolicy_isolates_is_a_denied_edge()
    {
        var report = ReportAnalysis.Run(Guardrails(), new ReportOptions());

        var edge = Edge(report, "kube-system/deploy/coredns", "prod/deploy/worker", GraphEdgeKind.Denied);
        var x = Explanation(report, edge);

        Assert.Equal("[Baseline] cnp/default-deny ingress[0]", x.DeniedBy?.Reference);
        Assert.Equal(ClusterRuleAction.Deny, x.DeniedBy?.Action);
    }

    [Fact]
    public void Allowed_edges_keep_their_kind_and_name_the_Accept_that_decided()
    {
        var report = ReportAnalysis.Run(Guardrails(), new ReportOptions());

        var edge = Edge(report, "monitoring/deploy/prometheus", "prod/deploy/worker", GraphEdgeKind.Allowed);
        var x = Explanation(report, edge);

        Assert.Null(x.DeniedBy);
        Assert.Equal("[Admin] cnp/always-allow-monitoring ingress[0]", x.Decisions.Single(d => d.Direction == Direction.Ingress).Rule?.Reference);
        Assert.DoesNotContain(report.TierDeniedEdges, i => report.Graph.Edges[i].Kind != GraphEdgeKind.Denied);
    }

    [Fact]
    public void Each_node_lists_the_cluster_policies_governing_it_per_direction_in_evaluation_order()
    {
        var report = ReportAnalysis.Run(Guardrails(), new ReportOptions());

        Assert.Equal(
            [
                "cnp/always-allow-monitoring ingress", "cnp/deny-dev-to-prod ingress", "cnp/delegate-prod-to-owners ingress",
                "cnp/default-deny ingress", "cnp/default-deny egress",
            ],
            report.Governing.Where(g => g.Node == "prod/deploy/worker").Select(g => $"{g.Policy} {g.Direction.ToString().ToLowerInvariant()}"));
        Assert.DoesNotContain(report.Governing, g => g.Node == "monitoring/deploy/prometheus");
    }

    [Fact]
    public void Tier_denied_flows_beyond_the_limit_are_counted_not_drawn()
    {
        var all = ReportAnalysis.Run(Guardrails(), new ReportOptions());
        var capped = ReportAnalysis.Run(Guardrails(), new ReportOptions { MaxTierDenied = 3 });

        Assert.Equal(10, all.TierDeniedEdges.Count);
        Assert.Equal(0, all.TierDeniedOmitted);
        Assert.Equal(3, capped.TierDeniedEdges.Count);
        Assert.Equal(7, capped.TierDeniedOmitted);
    }

    [Fact]
    public void An_aggregated_report_does_not_look_for_tier_denied_flows()
    {
        var report = ReportAnalysis.Run(Guardrails(), new ReportOptions { AggregateAbove = 3 });

        Assert.Empty(report.TierDeniedEdges);
        Assert.Equal(4, report.ClusterPolicies.Count);
    }

    [Fact]
    public void Without_cluster_policies_the_report_has_no_tiers()
    {
        var loaded = ManifestLoader.Load(["example:ecommerce-microservices"]);

        var report = ReportAnalysis.Run(loaded.Cluster, new ReportOptions());

        Assert.Empty(report.ClusterPolicies);
        Assert.Empty(report.Governing);
        Assert.Empty(report.TierDeniedEdges);
        Assert.All(report.Explanations, x => Assert.Empty(x.Decisions));
    }

    [Fact]
    public void Under_a_plugin_that_implements_no_cluster_policy_they_are_listed_as_ignored_and_decide_nothing()
    {
        var report = ReportAnalysis.Run(Guardrails(), new ReportOptions { Cni = CniProfiles.Cilium });

        Assert.Equal(4, report.ClusterPolicies.Count);
        Assert.Equal(report.ClusterPolicies.Select(p => p.Name), report.IgnoredClusterPolicies);
        Assert.Empty(report.Governing);
        Assert.Empty(report.TierDeniedEdges);
        Assert.All(report.Explanations, x => Assert.Null(x.DeniedBy));

        // Cilium ignores the Admin Deny, so NetworkPolicy alone lets dev's web reach prod's web.
        Assert.Equal("8080/TCP", Edge(report, "dev/deploy/web", "prod/deploy/web", GraphEdgeKind.Allowed).Ports.ToString());
    }

    private const string Legacy = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: prod, labels: {env: prod}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: dev, labels: {env: dev}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: prod, labels: {app: web}}
        spec:
          containers: [{name: web, image: web, ports: [{containerPort: 8080}, {containerPort: 7000, protocol: SCTP}]}]
        status: {podIP: 10.0.0.1}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: tool, namespace: dev, labels: {app: tool}}
        status: {podIP: 10.1.0.1}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata: {name: guard}
        spec:
          priority: 10
          subject:
            namespaces: {matchLabels: {env: prod}}
          ingress:
          - name: no-dev
            action: Deny
            from:
            - namespaces: {matchLabels: {env: dev}}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: late}
        spec:
          tier: Baseline
          priority: 1
          subject:
            namespaces: {matchLabels: {env: prod}}
          ingress:
          - action: Accept
            from:
            - namespaces: {}
        """;

    [Fact]
    public void Legacy_kinds_keep_their_kind_and_short_name()
    {
        var report = ReportAnalysis.Run(TestClusters.FromYaml(Legacy), new ReportOptions());

        Assert.Equal(
            [("anp/guard", "AdminNetworkPolicy", ClusterPolicyTier.Admin), ("cnp/late", "ClusterNetworkPolicy", ClusterPolicyTier.Baseline)],
            report.ClusterPolicies.Select(p => (p.Name, p.Kind, p.Tier)));
        var edge = Edge(report, "dev/app=tool", "prod/app=web", GraphEdgeKind.Denied);
        Assert.Equal("[Admin] anp/guard ingress[0]", Explanation(report, edge).DeniedBy?.Reference);
    }

    [Fact]
    public void Under_calico_the_legacy_kind_is_ignored_and_SCTP_stays()
    {
        var report = ReportAnalysis.Run(TestClusters.FromYaml(Legacy), new ReportOptions { Cni = CniProfiles.Calico });

        Assert.Equal(["anp/guard"], report.IgnoredClusterPolicies);
        Assert.Equal(["prod/app=web"], report.Governing.Select(g => g.Node).Distinct());
        Assert.True(Assert.Single(report.Graph.Edges, e => e.From == "dev/app=tool" && e.To == "prod/app=web").Ports.Contains(7000, Protocol.SCTP));
    }

    [Fact]
    public void Under_cilium_SCTP_flows_are_not_drawn()
    {
        var portable = ReportAnalysis.Run(TestClusters.FromYaml(Legacy), new ReportOptions());
        var cilium = ReportAnalysis.Run(TestClusters.FromYaml(Legacy), new ReportOptions { Cni = CniProfiles.Cilium });

        Assert.Contains(portable.Graph.Edges, e => e.Ports.Contains(7000, Protocol.SCTP));
        Assert.Contains(cilium.Graph.Edges, e => e.Ports.Contains(8080, Protocol.TCP));
        Assert.DoesNotContain(cilium.Graph.Edges, e => e.Ports.Contains(7000, Protocol.SCTP));
        Assert.Same(CniProfiles.Cilium, cilium.Options.Cni);
    }
}
