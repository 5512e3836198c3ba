using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Manifests.Loading;

namespace Netpol.Manifests.Tests.Validation;

/// <summary>
/// ClusterNetworkPolicy, AdminNetworkPolicy and BaselineAdminNetworkPolicy load into one model, and each rule of
/// their CRD validation rejects a small manifest at the offending field. Rows are in
/// <c>ClusterPolicyValidationTests.Cases.cs</c>.
/// </summary>
public sealed partial class ClusterPolicyValidationTests
{
    private const string FileName = "p.yaml";

    /// <summary>An invalid manifest, the code of its one error, and where that error points.</summary>
    public sealed record InvalidCase(string Name, string Yaml, string Code, string At)
    {
        public override string ToString() => Name;
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void An_invalid_cluster_policy_is_rejected_at_the_offending_field(InvalidCase row)
    {
        ArgumentNullException.ThrowIfNull(row);

        // When the manifest is loaded
        var result = ManifestLoader.LoadText(row.Yaml, FileName);

        // Then exactly one error names the field, and the policy is not kept
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(row.Code, error.Code);
        Assert.StartsWith(row.At + ": ", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(result.Cluster.ClusterPolicies);
    }

    [Theory]
    [InlineData("10.0.0.1/8", "10.0.0.0/8")]
    [InlineData("192.168.1.0/24", "192.168.1.0/24")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("2001:db8::1/32", "2001:db8::/32")]
    [InlineData("::/0", "::/0")]
    public void A_network_is_accepted_as_isCIDR_accepts_it_with_host_bits_masked(string written, string network)
    {
        // Given an egress rule whose networks entry isCIDR accepts (host bits may be set, unlike ipBlock.cidr)
        var yaml = Admin + $"  egress:\n  - action: Deny\n    to:\n    - networks: ['{written}']\n";

        // When it is loaded
        var result = ManifestLoader.LoadText(yaml, FileName);

        // Then it loads without errors, as the network implementations read it
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        var peer = Assert.Single(Assert.Single(result.Cluster.ClusterPolicies).Egress[0].Peers);
        Assert.Equal(network, Assert.Single(peer.Networks!).ToString());
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("0.0.0.0/0")]
    [InlineData("2001:db8::/32")]
    [InlineData("::/0")]
    public void A_network_address_without_host_bits_is_accepted_at_v1beta1(string written)
    {
        // Given a v1beta1 egress rule whose networks entry is the network address itself
        var yaml = Admin.Replace("v1alpha2", "v1beta1", StringComparison.Ordinal) + $"  egress:\n  - action: Deny\n    to:\n    - networks: ['{written}']\n";

        // When it is loaded
        var result = ManifestLoader.LoadText(yaml, FileName);

        // Then the stricter v1beta1 CIDR rule has nothing to say
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(written, Assert.Single(Assert.Single(Assert.Single(result.Cluster.ClusterPolicies).Egress[0].Peers).Networks!).ToString());
    }

    [Theory]
    [InlineData("  subject: {}\n", "spec.subject: Invalid value: \"object\": spec.subject in body should have at least 1 properties")]
    [InlineData("  subject:\n    namespaces: {}\n    pods: {podSelector: {}}\n", "spec.subject: Too many: 2: must have at most 1 items")]
    public void Exactly_one_is_worded_as_the_API_server_words_minProperties_and_maxProperties(string subject, string expected)
    {
        // Given a subject that sets no field, or two
        var yaml = Header + "  tier: Admin\n  priority: 1\n" + subject;

        // When it is loaded
        var error = Assert.Single(ManifestLoader.LoadText(yaml, FileName).Diagnostics, d => d.Severity == Severity.Error);

        // Then the message starts as the API server's would, and names the fields to choose from
        Assert.Contains(expected + " (set exactly one of: `namespaces`, `pods`)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_network_carries_the_CEL_message_of_the_CIDR_type()
    {
        var yaml = Admin + "  egress:\n  - action: Deny\n    to:\n    - networks: [10.0.0.0/33]\n";

        var error = Assert.Single(ManifestLoader.LoadText(yaml, FileName).Diagnostics, d => d.Severity == Severity.Error);

        Assert.EndsWith("spec.egress[0].to[0].networks[0]: Invalid value: \"10.0.0.0/33\": Invalid CIDR format provided", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_network_policy_loads_with_its_tier_priority_subject_and_ordered_rules()
    {
        // Given a v1alpha2 ClusterNetworkPolicy
        var result = ManifestLoader.LoadText(
            """
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata:
              name: sandbox
            spec:
              tier: Admin
              priority: 10
              subject:
                pods:
                  namespaceSelector: {matchLabels: {env: dev}}
                  podSelector: {matchLabels: {app: web}}
              ingress:
              - name: from-monitoring
                action: Accept
                from:
                - namespaces: {matchLabels: {team: mon}}
                protocols:
                - tcp: {destinationPort: {number: 9090}}
                - udp: {destinationPort: {range: {start: 1000, end: 2000}}}
                - destinationNamedPort: metrics
              egress:
              - action: Pass
                to:
                - pods: {namespaceSelector: {}, podSelector: {}}
              - action: Deny
                to:
                - networks: [0.0.0.0/0, "::/0"]
              - action: Accept
                to:
                - domainNames: ["*.example.com"]
              - action: Accept
                to:
                - nodes: {matchLabels: {role: infra}}
            """,
            FileName);

        // Then it loads without a word, as written
        Assert.Empty(result.Diagnostics);
        var policy = Assert.Single(result.Cluster.ClusterPolicies);
        Assert.Equal(("ClusterNetworkPolicy", "sandbox", ClusterPolicyTier.Admin, 10), (policy.Kind, policy.Name, policy.Tier, policy.Priority));
        Assert.Equal("pods app=web in namespaces env=dev", policy.Subject.ToString());
        var ingress = Assert.Single(policy.Ingress);
        Assert.Equal(("from-monitoring", ClusterRuleAction.Accept), (ingress.Name, ingress.Action));
        Assert.Equal(["9090/TCP", "1000-2000/UDP", "metrics"], ingress.Ports.Select(p => p.ToString()));
        Assert.Equal([ClusterRuleAction.Pass, ClusterRuleAction.Deny, ClusterRuleAction.Accept, ClusterRuleAction.Accept], policy.Egress.Select(r => r.Action));
        Assert.Equal(["pods {} in namespaces {}", "networks 0.0.0.0/0, ::/0", "domainNames *.example.com", "nodes role=infra"], policy.Egress.Select(r => r.Peers.Single().ToString()));
    }

    [Theory]
    [InlineData("policy.networking.k8s.io/v1alpha2")]
    [InlineData("policy.networking.k8s.io/v1beta1")]
    public void Both_served_versions_of_cluster_network_policy_load(string apiVersion)
    {
        var result = ManifestLoader.LoadText(Manifest(apiVersion, "Baseline", "Deny"), FileName);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(ClusterPolicyTier.Baseline, Assert.Single(result.Cluster.ClusterPolicies).Tier);
    }

    [Fact]
    public void Legacy_admin_and_baseline_policies_load_into_the_tiers_with_allow_read_as_accept()
    {
        // Given an AdminNetworkPolicy and the BaselineAdminNetworkPolicy
        var result = ManifestLoader.LoadText(
            """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata:
              name: ops
            spec:
              priority: 3
              subject:
                namespaces: {}
              ingress:
              - action: Allow
                from:
                - pods:
                    namespaceSelector: {matchLabels: {team: ops}}
                    podSelector: {}
                ports:
                - portNumber: {protocol: UDP, port: 53}
                - portRange: {start: 8000, end: 8080}
                - namedPort: http
              - action: Pass
                from:
                - namespaces: {}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: BaselineAdminNetworkPolicy
            metadata:
              name: default
            spec:
              subject:
                namespaces: {}
              egress:
              - action: Deny
                to:
                - networks: [10.0.0.0/8]
            """,
            FileName);

        // Then both load in evaluation order, with the legacy words mapped
        Assert.Empty(result.Diagnostics);
        var (admin, baseline) = (result.Cluster.ClusterPolicies[0], result.Cluster.ClusterPolicies[1]);
        Assert.Equal(("AdminNetworkPolicy", ClusterPolicyTier.Admin, 3), (admin.Kind, admin.Tier, admin.Priority));
        Assert.Equal([ClusterRuleAction.Accept, ClusterRuleAction.Pass], admin.Ingress.Select(r => r.Action));
        Assert.Equal(["53/UDP", "8000-8080/TCP", "http"], admin.Ingress[0].Ports.Select(p => p.ToString()));
        Assert.Equal(("BaselineAdminNetworkPolicy", ClusterPolicyTier.Baseline), (baseline.Kind, baseline.Tier));
        Assert.Equal(ClusterRuleAction.Deny, Assert.Single(baseline.Egress).Action);
    }

    [Fact]
    public void A_node_loads_with_its_labels_and_IP_addresses()
    {
        var result = ManifestLoader.LoadText(
            """
            apiVersion: v1
            kind: Node
            metadata:
              name: worker-1
              labels: {role: infra}
            status:
              addresses:
              - {type: InternalIP, address: 10.0.9.9}
              - {type: InternalIP, address: "fd00::9"}
              - {type: Hostname, address: worker-1}
            """,
            FileName);

        Assert.Empty(result.Diagnostics);
        var node = Assert.Single(result.Cluster.Nodes);
        Assert.Equal(("worker-1", "infra"), (node.Name, node.Labels["role"]));
        Assert.Equal(["10.0.9.9", "fd00::9"], node.Addresses.Select(a => a.ToString()));
    }

    [Fact]
    public void Other_policy_kinds_are_still_skipped_with_a_note()
    {
        var result = ManifestLoader.LoadText(
            """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: ExternalNetworkSet
            metadata:
              name: x
            """,
            FileName);

        Assert.Equal("skipped-kind", Assert.Single(result.Diagnostics).Code);
    }

    private static string Manifest(string apiVersion, string tier, string action) =>
        $$"""
        apiVersion: {{apiVersion}}
        kind: ClusterNetworkPolicy
        metadata:
          name: p
        spec:
          tier: {{tier}}
          priority: 5
          subject:
            namespaces: {}
          ingress:
          - action: {{action}}
            from:
            - namespaces: {}
        """;
}
