using Netpol.Analysis.Describe;
using Netpol.Core;
using Netpol.Core.Model;

namespace Netpol.Analysis.Tests.Describe;

/// <summary><c>netpol describe</c> with cluster network policies: a cluster policy, and the tiers selecting a pod or namespace.</summary>
public sealed class DescribeClusterPolicyTests
{
    private const string Yaml = """
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
        status: {podIP: 10.0.0.1}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: tool, namespace: dev, labels: {app: tool}}
        status: {podIP: 10.1.0.1}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: guard}
        spec:
          tier: Admin
          priority: 10
          subject:
            namespaces: {matchLabels: {env: prod}}
          ingress:
          - name: no-dev
            action: Deny
            from:
            - namespaces: {matchLabels: {env: dev}}
          - action: Pass
            from:
            - namespaces: {}
          egress:
          - action: Accept
            to:
            - networks: [10.1.0.0/16]
            - domainNames: [example.com]
        ---
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        metadata: {name: default}
        spec:
          subject:
            namespaces: {}
          ingress:
          - action: Deny
            from:
            - namespaces: {}
        """;

    [Fact]
    public void A_cluster_policy_lists_its_subject_and_its_rules_with_peers_resolved()
    {
        var cluster = TestClusters.FromYaml(Yaml);

        var d = DescribeAnalysis.ClusterPolicy(cluster, "cnp/guard");

        Assert.Equal(("cnp/guard", ClusterPolicyTier.Admin, 10), (d.Name, d.Tier, d.Priority));
        Assert.Equal(["prod"], d.SubjectNamespaces);
        Assert.Equal(["prod/web"], d.SubjectPods);
        Assert.Equal(["spec.ingress[0]", "spec.ingress[1]", "spec.egress[0]"], d.Rules.Select(r => r.Path));
        Assert.Equal("no-dev", d.Rules[0].Name);
        Assert.Equal(["dev/tool"], d.Rules[0].Peers[0].Pods);
        Assert.Equal(["dev/tool"], d.Rules[2].Peers[0].Pods);
        Assert.True(d.Rules[2].Peers[1].DependsOnDns);
        Assert.Equal("spec.ingress[1]", d.FirstPass(Direction.Ingress)?.Path);
    }

    [Theory]
    [InlineData("guard")]
    [InlineData("cnp/guard")]
    [InlineData("banp/default")]
    [InlineData("default")]
    public void A_cluster_policy_is_found_by_name_with_or_without_its_kind(string name)
    {
        var cluster = TestClusters.FromYaml(Yaml);

        var d = DescribeAnalysis.ClusterPolicy(cluster, name);

        Assert.EndsWith(name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..], d.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_cluster_policy_suggests_close_names()
    {
        var cluster = TestClusters.FromYaml(Yaml);

        var e = Assert.Throws<NetpolException>(() => DescribeAnalysis.ClusterPolicy(cluster, "cnp/gaurd"));

        Assert.Contains("cnp/guard", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_lists_the_cluster_policies_selecting_it_per_direction_in_evaluation_order()
    {
        var cluster = TestClusters.FromYaml(Yaml);

        var pod = DescribeAnalysis.Pod(cluster, "prod/web");

        Assert.Equal(["cnp/guard", "banp/default"], pod.Ingress.ClusterPolicies.Select(p => p.Name));
        Assert.Equal(["cnp/guard"], pod.Egress.ClusterPolicies.Select(p => p.Name));
    }

    [Fact]
    public void A_namespace_lists_the_cluster_policies_whose_subject_covers_it()
    {
        var cluster = TestClusters.FromYaml(Yaml);

        Assert.Equal(["cnp/guard", "banp/default"], DescribeAnalysis.Namespace(cluster, "prod").ClusterPolicies.Select(p => p.Name));
        Assert.Equal(["banp/default"], DescribeAnalysis.Namespace(cluster, "dev").ClusterPolicies.Select(p => p.Name));
    }
}
