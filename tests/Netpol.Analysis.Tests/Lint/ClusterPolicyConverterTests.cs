using Netpol.Analysis.Lint;
using Netpol.Core.Model;
using Netpol.Core.Reference;
using Netpol.Manifests.Loading;

namespace Netpol.Analysis.Tests.Lint;

/// <summary>
/// Converting cluster network policies to v1alpha2 and loading the result back keeps every verdict: the legacy
/// kinds migrate without changing what the cluster allows.
/// </summary>
public sealed class ClusterPolicyConverterTests
{
    // Legacy policies over the admin-guardrails workloads: priorities, Allow/Deny/Pass, namespaces and pods peers,
    // numeric, ranged and named ports, and every peer kind of egress.
    private const string Legacy = """
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: AdminNetworkPolicy
        metadata:
          name: monitoring-and-dev
        spec:
          priority: 3
          subject:
            namespaces: {matchExpressions: [{key: env, operator: Exists}]}
          ingress:
          - name: scrape
            action: Allow
            from: [{namespaces: {matchLabels: {team: observability}}}]
            ports: [{portNumber: {protocol: TCP, port: 9090}}]
          - name: dev-blocked
            action: Deny
            from: [{pods: {namespaceSelector: {matchLabels: {env: dev}}, podSelector: {matchLabels: {app: client}}}}]
            ports: [{portRange: {protocol: TCP, start: 8000, end: 8999}}, {namedPort: metrics}]
          - name: prod-passes
            action: Pass
            from: [{namespaces: {matchLabels: {env: prod}}}]
          egress:
          - name: no-nodes
            action: Deny
            to: [{nodes: {matchLabels: {kubernetes.io/os: linux}}}, {networks: [10.0.0.1/8]}]
            ports: [{portNumber: {protocol: UDP, port: 8472}}]
          - name: dns-first
            action: Allow
            to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {}}}]
        ---
        apiVersion: policy.networking.k8s.io/v1alpha1
        kind: BaselineAdminNetworkPolicy
        metadata:
          name: default
        spec:
          subject:
            pods: {namespaceSelector: {matchLabels: {env: prod}}, podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [web]}]}}
          ingress:
          - action: Deny
            from: [{namespaces: {}}]
          egress:
          - action: Allow
            to: [{namespaces: {matchLabels: {"kubernetes.io/metadata.name": kube-system}}}]
            ports: [{portNumber: {protocol: UDP, port: 53}}]
          - action: Deny
            to: [{namespaces: {}}]
        """;

    [Fact]
    public void Converting_the_legacy_kinds_and_loading_them_back_keeps_every_verdict()
    {
        // Given the example's workloads with legacy policies instead of its own
        var example = ManifestLoader.Load(["example:admin-guardrails"]).Cluster;
        var legacy = ManifestLoader.LoadText(Legacy, "legacy.yaml");
        Assert.DoesNotContain(legacy.Diagnostics, d => d.Severity == Core.Diagnostics.Severity.Error);
        var before = With(example, legacy.Cluster.ClusterPolicies);

        // When each policy is converted and read back
        var after = With(example, Reload(before.ClusterPolicies));

        // Then the policies are ClusterNetworkPolicies and the matrix is unchanged
        Assert.All(after.ClusterPolicies, p => Assert.Equal("ClusterNetworkPolicy", p.Kind));
        Assert.Equal(2, after.ClusterPolicies.Count);
        Assert.Equal(Matrix(before), Matrix(after));
    }

    [Fact]
    public void Converting_the_admin_guardrails_example_round_trips_its_matrix()
    {
        var example = ManifestLoader.Load(["example:admin-guardrails"]).Cluster;

        var after = With(example, Reload(example.ClusterPolicies));

        Assert.Equal(example.ClusterPolicies.Count, after.ClusterPolicies.Count);
        Assert.Equal(Matrix(example), Matrix(after));
    }

    [Fact]
    public void A_legacy_port_without_a_number_becomes_the_full_range_and_strings_are_quoted()
    {
        var policy = new ClusterNetworkPolicy(
            "p",
            ClusterPolicyTier.Baseline,
            0,
            new ClusterPolicySubject(LabelSelector.FromLabels(new Dictionary<string, string> { ["tier"] = "true" })),
            [new ClusterPolicyRule("say \"hi\"", ClusterRuleAction.Accept, [new ClusterPolicyPeer(NamespaceSelector: LabelSelector.Everything)], [new ClusterPolicyPort(Protocol.SCTP)])],
            []);

        var yaml = ClusterPolicyConverter.ToYaml(policy);

        Assert.Contains("namespaces: {matchLabels: {\"tier\": \"true\"}}", yaml, StringComparison.Ordinal);
        Assert.Contains("name: \"say \\\"hi\\\"\"", yaml, StringComparison.Ordinal);
        Assert.Contains("- sctp: {destinationPort: {range: {start: 1, end: 65535}}}", yaml, StringComparison.Ordinal);
        Assert.Single(ManifestLoader.LoadText(yaml, "p.yaml").Cluster.ClusterPolicies);
    }

    private static IReadOnlyList<ClusterNetworkPolicy> Reload(IEnumerable<ClusterNetworkPolicy> policies)
    {
        var yaml = string.Join("---\n", policies.Select(ClusterPolicyConverter.ToYaml));
        var result = ManifestLoader.LoadText(yaml, "converted.yaml");
        Assert.True(!result.Diagnostics.Any(d => d.Severity == Core.Diagnostics.Severity.Error), string.Join("\n", result.Diagnostics) + "\n" + yaml);
        return result.Cluster.ClusterPolicies;
    }

    private static Cluster With(Cluster cluster, IEnumerable<ClusterNetworkPolicy> policies)
    {
        var nodes = new[] { new ClusterNode("node-1", new Dictionary<string, string> { ["kubernetes.io/os"] = "linux" }, [System.Net.IPAddress.Parse("10.0.0.5")]) };
        return new Cluster(cluster.Namespaces, cluster.Pods, cluster.Policies, cluster.Services, policies, nodes);
    }

    /// <summary>Every pod pair's allowed ports, plus each pod to two external addresses (one inside 10.0.0.0/8).</summary>
    private static List<string> Matrix(Cluster cluster)
    {
        var engine = new ReferenceEvaluator(cluster);
        var ends = cluster.Pods.Select(Endpoint.ForPod)
            .Concat([Endpoint.ForAddress(System.Net.IPAddress.Parse("10.0.0.5")), Endpoint.ForAddress(System.Net.IPAddress.Parse("203.0.113.9"))])
            .ToList();
        return [.. from a in ends from b in ends where a.Pod is not null && !ReferenceEquals(a, b) select $"{a} -> {b}: {engine.AllowedPorts(a, b)}"];
    }
}
