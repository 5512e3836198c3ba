using Netpol.Analysis.Coverage;
using Netpol.Core.Model;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Tests.Coverage;

/// <summary><c>netpol coverage</c> with cluster network policies: which pods each tier selects, and baseline protection.</summary>
public sealed class TierCoverageTests
{
    private const string Namespaces = """
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
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: db, namespace: prod, labels: {app: db}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: node-agent, namespace: prod, labels: {app: agent}}
        spec: {hostNetwork: true}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: tool, namespace: dev, labels: {app: tool}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: db, namespace: prod}
        spec:
          podSelector: {matchLabels: {app: db}}
          policyTypes: [Ingress]
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: deny-dev}
        spec:
          tier: Admin
          priority: 10
          subject:
            namespaces: {matchLabels: {env: prod}}
          ingress:
          - action: Deny
            from:
            - namespaces: {matchLabels: {env: dev}}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: baseline}
        spec:
          tier: Baseline
          priority: 1
          subject:
            namespaces: {matchLabels: {env: prod}}
          ingress:
          - action: Deny
            from:
            - namespaces: {}
          egress:
          - action: Accept
            to:
            - namespaces: {}
        """;

    [Fact]
    public void Each_tier_counts_the_pods_it_selects_per_direction()
    {
        // Given two Admin/Baseline subjects in prod (the hostNetwork pod is never a subject)
        var cluster = TestClusters.FromYaml(Namespaces);

        // When
        var result = CoverageAnalysis.Run(cluster, new CoverageOptions());

        // Then
        Assert.True(result.Tiered);
        var prod = result.Namespaces.Single(n => n.Name == "prod").Counts.Tiers;
        Assert.Equal((2, 0, 2, 2), (prod.AdminIngress, prod.AdminEgress, prod.BaselineIngress, prod.BaselineEgress));
        Assert.Equal(TierCoverage.Zero, result.Namespaces.Single(n => n.Name == "dev").Counts.Tiers);
        Assert.Equal(prod, result.Summary.Tiers);
    }

    [Fact]
    public void A_pod_only_a_baseline_deny_covers_counts_as_protected_by_baseline()
    {
        var cluster = TestClusters.FromYaml(Namespaces);

        var result = CoverageAnalysis.Run(cluster, new CoverageOptions());

        // web: no NetworkPolicy, a Baseline Deny: protected. db: NetworkPolicy isolates it, so the baseline is not consulted.
        var web = result.Entries.Single(e => e.Name == "prod/web");
        var db = result.Entries.Single(e => e.Name == "prod/db");
        Assert.Equal(1, web.Tiers.ProtectedByBaselineIngress);
        Assert.Equal(0, db.Tiers.ProtectedByBaselineIngress);
        Assert.Equal(0, web.Tiers.ProtectedByBaselineEgress);
        Assert.Equal(["cnp/deny-dev", "cnp/baseline"], web.ClusterPolicies);
        Assert.Equal(1, result.Summary.Tiers.ProtectedByBaseline(Direction.Ingress));
    }

    [Fact]
    public void A_catch_all_counts_where_it_decides()
    {
        var cluster = TestClusters.FromYaml(Namespaces);

        var result = CoverageAnalysis.Run(cluster, new CoverageOptions());

        // The Baseline Deny from every namespace closes web's ingress; db's NetworkPolicy decides before the Baseline
        // tier; the Baseline egress rule accepts, so nothing closes egress.
        Assert.Equal(1, result.Entries.Single(e => e.Name == "prod/web").Tiers.CatchAllIngress);
        Assert.Equal(0, result.Entries.Single(e => e.Name == "prod/db").Tiers.CatchAllIngress);
        Assert.Equal((1, 0), (result.Summary.Tiers.CatchAllIngress, result.Summary.Tiers.CatchAllEgress));
    }

    [Fact]
    public void An_admin_catch_all_closes_pods_a_networkpolicy_isolates_too()
    {
        // Given the Admin Deny widened from dev to every namespace
        var cluster = TestClusters.FromYaml(Namespaces.Replace("- namespaces: {matchLabels: {env: dev}}", "- namespaces: {}", StringComparison.Ordinal));

        var result = CoverageAnalysis.Run(cluster, new CoverageOptions());

        // Then both prod pods count (the hostNetwork agent is never a subject), db included: the Admin tier decides first
        Assert.Equal(1, result.Entries.Single(e => e.Name == "prod/db").Tiers.CatchAll(Direction.Ingress));
        Assert.Equal(2, result.Summary.Tiers.CatchAllIngress);
    }

    [Fact]
    public void Without_cluster_policies_the_result_is_not_tiered()
    {
        var cluster = TestClusters.FromYaml("apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: x}\n");

        var result = CoverageAnalysis.Run(cluster, new CoverageOptions());

        Assert.False(result.Tiered);
        Assert.Equal(TierCoverage.Zero, result.Summary.Tiers);
    }
    [Fact]
    public void Under_a_plugin_that_ignores_cluster_policies_the_pods_they_protect_are_marked()
    {
        // Given prod's pods, which the Admin and Baseline policies select, on Cilium (no cluster network policies)
        var cluster = TestClusters.FromYaml(Namespaces);

        // When
        var result = CoverageAnalysis.Run(cluster, new CoverageOptions { Cni = CniProfiles.Find("cilium")! });

        // Then the tier counts are Cilium's (none), and every prod pod a policy selected differs from portable
        Assert.Equal("cilium", result.Cni);
        Assert.True(result.Tiered);
        Assert.Equal(["cnp/deny-dev", "cnp/baseline"], result.IgnoredClusterPolicies);
        Assert.Contains("Cilium", result.IgnoredReason, StringComparison.Ordinal);
        Assert.Equal(TierCoverage.Zero, result.Summary.Tiers);
        Assert.Equal(1, result.PortableTiers!.ProtectedByBaselineIngress);
        var web = result.Entries.Single(e => e.Name == "prod/web");
        Assert.True(web.CniDiffers);
        Assert.Equal(1, web.PortableTiers!.ProtectedByBaselineIngress);
        Assert.Equal(0, web.Tiers.ProtectedByBaselineIngress);
        Assert.Equal(["cnp/deny-dev", "cnp/baseline"], web.PortableClusterPolicies);
        Assert.Empty(web.ClusterPolicies);
        Assert.False(result.Entries.Single(e => e.Name == "dev/tool").CniDiffers);
        Assert.False(result.Entries.Single(e => e.Name == "prod/node-agent").CniDiffers);
    }

    [Fact]
    public void Under_a_plugin_that_enforces_every_policy_nothing_differs()
    {
        var cluster = TestClusters.FromYaml(Namespaces);

        var result = CoverageAnalysis.Run(cluster, new CoverageOptions { Cni = CniProfiles.Find("calico")! });

        Assert.Equal("calico", result.Cni);
        Assert.Empty(result.IgnoredClusterPolicies);
        Assert.DoesNotContain(result.Entries, e => e.CniDiffers);
        Assert.Equal(CoverageAnalysis.Run(cluster, new CoverageOptions()).Summary, result.Summary);
    }

    [Fact]
    public void Without_a_plugin_nothing_is_marked()
    {
        var result = CoverageAnalysis.Run(TestClusters.FromYaml(Namespaces), new CoverageOptions());

        Assert.Null(result.Cni);
        Assert.Null(result.PortableTiers);
        Assert.DoesNotContain(result.Entries, e => e.CniDiffers || e.PortableClusterPolicies is not null);
    }
}
