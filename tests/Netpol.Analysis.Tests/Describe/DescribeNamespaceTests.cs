using Netpol.Analysis.Describe;
using Netpol.Core;
using Netpol.Core.Model;

namespace Netpol.Analysis.Tests.Describe;

public sealed class DescribeNamespaceTests
{
    private const string Yaml = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: ops, labels: {purpose: monitoring}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: prom, namespace: ops, labels: {app: prometheus}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: grafana, namespace: ops, labels: {app: grafana}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: scrape, namespace: shop}
        spec:
          podSelector: {}
          ingress:
          - from:
            - podSelector: {matchLabels: {app: prometheus}}
            - namespaceSelector: {matchLabels: {purpose: monitoring}}
              podSelector: {matchLabels: {app: prometheus}}
          egress:
          - to:
            - namespaceSelector: {}
          - to:
            - namespaceSelector: {matchLabels: {purpose: other}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: local, namespace: ops}
        spec:
          podSelector: {}
        """;

    [Fact]
    public void A_namespace_lists_its_labels_pods_policies_and_the_namespaceSelectors_matching_it()
    {
        // Given
        var cluster = TestClusters.FromYaml(Yaml);

        // When
        var ops = DescribeAnalysis.Namespace(cluster, "ops");

        // Then
        Assert.Equal(
            [new KeyValuePair<string, string>(Namespace.NameLabel, "ops"), new KeyValuePair<string, string>("purpose", "monitoring")],
            ops.Labels);
        Assert.False(ops.IsImplicit);
        Assert.Equal(2, ops.Pods);
        Assert.Equal(["local"], ops.Policies);
        Assert.Collection(
            ops.SelectedBy,
            m =>
            {
                Assert.Equal(("shop/scrape", "spec.ingress[0].from[1]", Direction.Ingress), (m.Policy, m.Path, m.Direction));
                Assert.Equal("app=prometheus", m.PodSelector!.ToString());
                Assert.Equal(1, m.MatchedPods);
            },
            m =>
            {
                Assert.Equal(("shop/scrape", "spec.egress[0].to[0]", Direction.Egress), (m.Policy, m.Path, m.Direction));
                Assert.True(m.NamespaceSelector.IsEmpty);
                Assert.Equal(2, m.MatchedPods);
            });
    }

    [Fact]
    public void An_implicit_namespace_is_described_too()
    {
        var shop = DescribeAnalysis.Namespace(TestClusters.FromYaml(Yaml), "shop");

        Assert.True(shop.IsImplicit);
        Assert.Equal(0, shop.Pods);
        Assert.Equal(["scrape"], shop.Policies);
        Assert.Equal(["spec.egress[0].to[0]"], shop.SelectedBy.Select(m => m.Path));
    }

    [Fact]
    public void An_unknown_namespace_lists_close_candidates()
    {
        var ex = Assert.Throws<NetpolException>(() => DescribeAnalysis.Namespace(TestClusters.FromYaml(Yaml), "opps"));

        Assert.Equal("no namespace \"opps\" in the input; did you mean ops?", ex.Message);
    }
}
