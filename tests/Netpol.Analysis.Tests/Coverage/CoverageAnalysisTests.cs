using Netpol.Analysis.Coverage;
using Netpol.Analysis.Matrix;
using Netpol.Core;
using Netpol.Core.Model;

namespace Netpol.Analysis.Tests.Coverage;

public sealed class CoverageAnalysisTests
{
    private static string Pod(string ns, string name, string labels, bool hostNetwork = false, string? owner = null) =>
        "apiVersion: v1\nkind: Pod\n" +
        $"metadata: {{name: {name}, namespace: {ns}, labels: {{{labels}}}" +
        (owner is null ? string.Empty : $", ownerReferences: [{{apiVersion: apps/v1, kind: StatefulSet, name: {owner}, uid: u1}}]") +
        "}\n" +
        (hostNetwork ? "spec: {hostNetwork: true}\n" : string.Empty);

    private static string Policy(string ns, string name, string spec) =>
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n" +
        $"metadata: {{name: {name}, namespace: {ns}}}\nspec: {spec}\n";

    private static string Namespace(string name) => $"apiVersion: v1\nkind: Namespace\nmetadata: {{name: {name}}}\n";

    private static Cluster Load(params string[] docs) => TestClusters.FromYaml(string.Join("---\n", docs));

    private static CoverageResult Run(Cluster cluster, CoverageOptions? options = null) =>
        CoverageAnalysis.Run(cluster, options ?? new CoverageOptions());

    [Fact]
    public void Percentages_are_the_share_of_isolated_pods_rounded_down_to_one_decimal()
    {
        // Given: 3 pods, 2 isolated for ingress (66.66...%), 1 for egress (33.33...%)
        var cluster = Load(
            Pod("shop", "a", "app: a"),
            Pod("shop", "b", "app: b"),
            Pod("shop", "c", "app: c"),
            Policy("shop", "in", "{podSelector: {matchExpressions: [{key: app, operator: In, values: [a, b]}]}, policyTypes: [Ingress]}"),
            Policy("shop", "out", "{podSelector: {matchLabels: {app: a}}, policyTypes: [Egress]}"));

        // When
        var result = Run(cluster);

        // Then
        Assert.Equal(new CoverageCounts(3, 2, 1, 1, 0), result.Summary);
        Assert.Equal(66.6, result.Summary.IngressPercent);
        Assert.Equal(33.3, result.Summary.EgressPercent);
        var shop = Assert.Single(result.Namespaces);
        Assert.Equal(result.Summary, shop.Counts);
    }

    [Theory]
    [InlineData(0, 7, 0.0)]
    [InlineData(7, 7, 100.0)]
    [InlineData(1, 8, 12.5)]
    [InlineData(6, 7, 85.7)]
    [InlineData(1999, 2000, 99.9)]
    [InlineData(149999, 150000, 99.9)]
    public void A_percentage_never_rounds_up(int part, int total, double expected)
    {
        Assert.Equal(expected, CoverageCounts.Percent(part, total));
    }

    [Fact]
    public void A_namespace_without_pods_has_no_percentage_and_adds_nothing_to_the_summary()
    {
        // Given
        var cluster = Load(
            Namespace("empty"),
            Pod("shop", "a", "app: a"),
            Policy("empty", "deny", "{podSelector: {}, policyTypes: [Ingress, Egress]}"));

        // When
        var result = Run(cluster);

        // Then
        var empty = Assert.Single(result.Namespaces, n => n.Name == "empty");
        Assert.Equal(0, empty.Counts.Pods);
        Assert.Null(empty.Counts.IngressPercent);
        Assert.Null(empty.Counts.EgressPercent);
        Assert.True(empty.DefaultDenyIngress);
        Assert.True(empty.DefaultDenyEgress);
        Assert.False(empty.IsCoveredWithoutDefaultDeny(Direction.Ingress));
        Assert.Equal(1, result.Summary.Pods);
        Assert.Equal(0.0, result.Summary.IngressPercent);
    }

    [Fact]
    public void A_cluster_without_pods_has_no_percentages_and_its_thresholds_pass()
    {
        // Given
        var cluster = Load(Namespace("empty"));

        // When
        var result = Run(cluster, new CoverageOptions { MinIngress = 100, MinEgress = 50 });

        // Then
        Assert.Equal(0, result.Summary.Pods);
        Assert.Null(result.Summary.IngressPercent);
        Assert.Null(result.Summary.EgressPercent);
        Assert.Equal(2, result.Thresholds.Count);
        Assert.All(result.Thresholds, t => Assert.True(t.Passed));
        Assert.True(result.Passed);
    }

    [Fact]
    public void A_policy_with_an_empty_podSelector_is_a_default_deny_for_the_directions_it_affects()
    {
        // Given
        var cluster = Load(
            Pod("a", "web", "app: web"),
            Pod("b", "web", "app: web"),
            Policy("a", "deny-in", "{podSelector: {}}"),
            Policy("b", "deny-out", "{podSelector: {}, policyTypes: [Egress]}"),
            Policy("b", "web-in", "{podSelector: {matchLabels: {app: web}}, ingress: [{}]}"));

        // When
        var result = Run(cluster);

        // Then
        var a = result.Namespaces.Single(n => n.Name == "a");
        var b = result.Namespaces.Single(n => n.Name == "b");
        Assert.True(a.DefaultDenyIngress);
        Assert.Equal(["deny-in"], a.DefaultDenyIngressPolicies);
        Assert.False(a.DefaultDenyEgress);
        Assert.False(b.DefaultDenyIngress);
        Assert.True(b.DefaultDenyEgress);
        Assert.Equal(["deny-out", "web-in"], b.Policies);
    }

    [Fact]
    public void A_selector_that_matches_only_some_pods_is_not_a_default_deny()
    {
        // Given: app=x is on one of the two pods
        var cluster = Load(
            Pod("shop", "x", "app: x"),
            Pod("shop", "y", "app: y"),
            Policy("shop", "almost", "{podSelector: {matchLabels: {app: x}}, policyTypes: [Ingress, Egress]}"));

        // When
        var shop = Assert.Single(Run(cluster).Namespaces);

        // Then
        Assert.False(shop.DefaultDenyIngress);
        Assert.False(shop.DefaultDenyEgress);
        Assert.Equal(50.0, shop.Counts.IngressPercent);
        Assert.False(shop.IsCoveredWithoutDefaultDeny(Direction.Ingress));
    }

    [Fact]
    public void A_selector_that_matches_every_pod_of_today_is_still_not_a_default_deny()
    {
        // Given: every pod has app=x, but a new pod without it would be open
        var cluster = Load(
            Pod("shop", "x1", "app: x"),
            Pod("shop", "x2", "app: x"),
            Policy("shop", "all-x", "{podSelector: {matchLabels: {app: x}}}"));

        // When
        var shop = Assert.Single(Run(cluster).Namespaces);

        // Then
        Assert.Equal(100.0, shop.Counts.IngressPercent);
        Assert.False(shop.DefaultDenyIngress);
        Assert.True(shop.IsCoveredWithoutDefaultDeny(Direction.Ingress));
        Assert.False(shop.IsCoveredWithoutDefaultDeny(Direction.Egress));
    }

    [Fact]
    public void HostNetwork_pods_count_as_pods_and_as_open_and_are_counted_separately()
    {
        // Given: a default deny in a namespace with a hostNetwork pod
        var cluster = Load(
            Pod("node", "agent", "app: agent", hostNetwork: true),
            Pod("node", "web", "app: web"),
            Policy("node", "deny", "{podSelector: {}, policyTypes: [Ingress, Egress]}"));

        // When
        var result = Run(cluster);

        // Then
        var node = Assert.Single(result.Namespaces);
        Assert.True(node.DefaultDenyIngress);
        Assert.Equal(new CoverageCounts(2, 1, 1, 1, 1), node.Counts);
        Assert.Equal(50.0, node.Counts.IngressPercent);
        var agent = result.Entries.Single(e => e.Name == "node/agent");
        Assert.True(agent.HostNetwork);
        Assert.True(agent.Open);
        Assert.Empty(agent.IngressPolicies);
    }

    [Theory]
    [InlineData(66.6, null, true)]
    [InlineData(66.7, null, false)]
    [InlineData(0.0, null, true)]
    [InlineData(null, 33.3, true)]
    [InlineData(null, 33.4, false)]
    [InlineData(10.0, 100.0, false)]
    [InlineData(100.0, 0.0, false)]
    public void Thresholds_compare_the_reported_percentage_with_the_minimum(double? minIngress, double? minEgress, bool passed)
    {
        // Given: ingress 2 of 3 (66.6%), egress 1 of 3 (33.3%)
        var cluster = Load(
            Pod("shop", "a", "app: a"),
            Pod("shop", "b", "app: b"),
            Pod("shop", "c", "app: c"),
            Policy("shop", "in", "{podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [c]}]}}"),
            Policy("shop", "out", "{podSelector: {matchLabels: {app: a}}, policyTypes: [Egress]}"));

        // When
        var result = Run(cluster, new CoverageOptions { MinIngress = minIngress, MinEgress = minEgress });

        // Then
        Assert.Equal(passed, result.Passed);
        Assert.Equal((minIngress is null ? 0 : 1) + (minEgress is null ? 0 : 1), result.Thresholds.Count);
        if (minIngress is not null)
        {
            var t = result.Thresholds.Single(t => t.Direction == Direction.Ingress);
            Assert.Equal(66.6, t.Percent);
            Assert.Equal(t.Percent >= minIngress, t.Passed);
        }
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.01)]
    [InlineData(double.NaN)]
    public void A_threshold_outside_0_to_100_is_bad_input(double value)
    {
        var cluster = Load(Pod("shop", "a", "app: a"));

        var ingress = Assert.Throws<NetpolException>(() => Run(cluster, new CoverageOptions { MinIngress = value }));
        var egress = Assert.Throws<NetpolException>(() => Run(cluster, new CoverageOptions { MinEgress = value }));

        Assert.Contains("--min-ingress", ingress.Message, StringComparison.Ordinal);
        Assert.Contains("--min-egress", egress.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choosing_namespaces_limits_the_summary_and_the_entries_to_them()
    {
        // Given
        var cluster = Load(
            Pod("a", "web", "app: web"),
            Pod("b", "web", "app: web"),
            Pod("c", "web", "app: web"),
            Policy("a", "deny", "{podSelector: {}}"));

        // When
        var result = Run(cluster, new CoverageOptions { Namespaces = ["a", "c"] });

        // Then
        Assert.Equal(["a", "c"], result.Namespaces.Select(n => n.Name));
        Assert.Equal(["a/web", "c/web"], result.Entries.Select(e => e.Name));
        Assert.Equal(2, result.Summary.Pods);
        Assert.Equal(50.0, result.Summary.IngressPercent);
    }

    [Fact]
    public void An_unknown_namespace_is_bad_input()
    {
        var cluster = Load(Pod("shop", "a", "app: a"));

        var ex = Assert.Throws<NetpolException>(() => Run(cluster, new CoverageOptions { Namespaces = ["shopp"] }));

        Assert.Contains("no namespace \"shopp\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void By_workload_groups_owned_pods_and_counts_how_many_each_direction_isolates()
    {
        // Given: two pods of sts/db, only one labelled for the policy; one unowned pod; one Deployment template
        var cluster = Load(
            Pod("shop", "db-0", "app: db, role: primary", owner: "db"),
            Pod("shop", "db-1", "app: db", owner: "db"),
            Pod("shop", "debug", "app: debug"),
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n" +
            "spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: i}]}}}\n",
            Policy("shop", "primary", "{podSelector: {matchLabels: {role: primary}}}"),
            Policy("shop", "web", "{podSelector: {matchLabels: {app: web}}, policyTypes: [Ingress, Egress]}"));

        // When
        var result = Run(cluster, new CoverageOptions { By = Grouping.Workload });

        // Then
        Assert.Equal(["shop/debug", "shop/deploy/web", "shop/sts/db"], result.Entries.Select(e => e.Name));
        var db = result.Entries.Single(e => e.Name == "shop/sts/db");
        Assert.Equal(2, db.Pods);
        Assert.Equal(1, db.IngressIsolatedPods);
        Assert.False(db.Ingress);
        Assert.True(db.IsPartial(Direction.Ingress));
        Assert.False(db.Open);
        Assert.Equal(["primary"], db.IngressPolicies);
        var web = result.Entries.Single(e => e.Name == "shop/deploy/web");
        Assert.True(web.Ingress);
        Assert.True(web.Egress);
        Assert.True(result.Entries.Single(e => e.Name == "shop/debug").Open);
        Assert.Equal(4, result.Summary.Pods);
        Assert.Equal(2, result.Summary.IngressIsolated);
    }

    [Fact]
    public void Coverage_agrees_with_the_policies_that_the_reference_semantics_say_select_each_pod()
    {
        // Given: a bundled example with several policies per namespace
        var cluster = Netpol.Manifests.Loading.ManifestLoader.Load(["example:ecommerce-microservices"], new Netpol.Manifests.Loading.LoadOptions()).Cluster;

        // When
        var result = Run(cluster);

        // Then
        Assert.Equal(cluster.Pods.Count, result.Entries.Count);
        foreach (var (pod, entry) in cluster.Pods.Zip(result.Entries))
        {
            Assert.Equal(pod.FullName, entry.Name);
            foreach (var d in new[] { Direction.Ingress, Direction.Egress })
            {
                var expected = cluster.Policies.Where(p => Core.Reference.Semantics.Selects(p, pod, d)).Select(p => p.Name).Order(StringComparer.Ordinal);
                Assert.Equal(expected, entry.Policies(d));
            }
        }
    }
}
