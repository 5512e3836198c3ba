using Netpol.Analysis.Diff;
using Netpol.Analysis.Matrix;
using Netpol.Core.Model;
using Netpol.Manifests.Loading;
using static Netpol.Analysis.Tests.Lint.Manifests;

namespace Netpol.Analysis.Tests.Diff;

/// <summary><c>netpol diff</c> with cluster network policies: connections through the tiers, changed cluster policies, causes.</summary>
public sealed class TierDiffTests
{
    private static readonly string[] Apps =
    [
        Namespace("dev", "{env: dev}"),
        Namespace("prod", "{env: prod}"),
        Workload("Deployment", "dev/client", "{app: client}"),
        Workload("Deployment", "prod/api", "{app: api}"),
    ];

    private const string DenyDevToProd = """
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: deny-dev-to-prod}
        spec:
          tier: Admin
          priority: 10
          subject: {namespaces: {matchLabels: {env: prod}}}
          ingress:
          - {name: no-dev, action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}
        """;

    [Fact]
    public void Removing_any_one_cluster_policy_of_the_guardrails_gives_the_reference_matrix_diff()
    {
        // Given
        var before = TestClusters.FromYaml(ExampleCatalog.Read("admin-guardrails")!);
        foreach (var removed in before.ClusterPolicies)
        {
            var after = new Cluster(before.Namespaces, before.Pods, before.Policies, before.Services, before.ClusterPolicies.Where(p => !ReferenceEquals(p, removed)), before.Nodes);

            // When
            var result = DiffAnalysis.Run(before, after, new DiffOptions());

            // Then: the tier-aware engine agrees with the reference evaluator, pair by pair.
            var (gained, lost) = DiffOracle.Expected(before, after, new DiffOptions());
            Assert.Equal(gained, DiffOracle.Lines(result.Gained));
            Assert.Equal(lost, DiffOracle.Lines(result.Lost));
            Assert.Equal([$"cnp/{removed.Name}"], result.ClusterPolicies.Removed);
            Assert.True(result.Tiered);

            // Every change (none for delegate-prod-to-owners: its Pass hands over to what decides without it) is credited
            // to a rule of the removed policy, on base.
            Assert.All(result.Gained.Concat(result.Lost), c => Assert.Contains(c.TierRules, t => t.Side == "base" && t.Rule.Contains($"cnp/{removed.Name} ", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void An_added_admin_deny_loses_the_connection_and_is_named_as_check_names_it()
    {
        // Given
        var before = TestClusters.FromYaml(string.Join("\n---\n", Apps));
        var after = TestClusters.FromYaml(string.Join("\n---\n", [.. Apps, DenyDevToProd]));

        // When
        var result = DiffAnalysis.Run(before, after, new DiffOptions());

        // Then
        var lost = Assert.Single(result.Lost);
        Assert.Equal(("dev/deploy/client", "prod/deploy/api", "all"), (lost.From, lost.To, lost.Ports.ToString()));
        var cause = Assert.Single(lost.TierRules);
        Assert.Equal(("head", Direction.Ingress, "[Admin] cnp/deny-dev-to-prod ingress[0]", ClusterRuleAction.Deny, "no-dev"), (cause.Side, cause.Direction, cause.Rule, cause.Action, cause.RuleName));
        Assert.True(cause.Ports.IsAll);
        Assert.Equal(["cnp/deny-dev-to-prod"], result.ClusterPolicies.Added);
        Assert.Equal(0, result.Policies.Count);
    }

    [Fact]
    public void A_change_that_networkpolicy_decides_names_no_tier_rule()
    {
        // Given: an Admin policy that never matches these pods, and a NetworkPolicy that starts denying.
        var unrelated = DenyDevToProd.Replace("{env: dev}", "{env: test}", StringComparison.Ordinal);
        var before = TestClusters.FromYaml(string.Join("\n---\n", [.. Apps, unrelated]));
        var after = TestClusters.FromYaml(string.Join("\n---\n", [.. Apps, unrelated, Policy("prod/deny", "podSelector: {}\npolicyTypes: [Ingress]")]));

        // When
        var result = DiffAnalysis.Run(before, after, new DiffOptions());

        // Then
        var lost = Assert.Single(result.Lost);
        Assert.Empty(lost.TierRules);
        Assert.Equal(0, result.ClusterPolicies.Count);
        Assert.Equal(["prod/deny"], result.Policies.Added);
    }

    [Fact]
    public void Without_cluster_policies_on_either_side_the_diff_is_not_tiered()
    {
        var before = TestClusters.FromYaml(string.Join("\n---\n", Apps));
        var after = TestClusters.FromYaml(string.Join("\n---\n", [.. Apps, Policy("prod/deny", "podSelector: {}\npolicyTypes: [Ingress]")]));

        var result = DiffAnalysis.Run(before, after, new DiffOptions());

        Assert.False(result.Tiered);
        Assert.All(result.Lost, c => Assert.Empty(c.TierRules));
        Assert.Equal(0, result.ClusterPolicies.Count);
    }

    [Theory]
    [InlineData("prod", new[] { "cnp/deny-dev-to-prod" })]
    [InlineData("dev", new string[0])]
    public void A_namespace_filter_keeps_the_cluster_policies_whose_subject_selects_it(string ns, string[] expected)
    {
        // Given
        var before = TestClusters.FromYaml(string.Join("\n---\n", Apps));
        var after = TestClusters.FromYaml(string.Join("\n---\n", [.. Apps, DenyDevToProd]));

        // When
        var result = DiffAnalysis.Run(before, after, new DiffOptions { Namespaces = [ns], By = Grouping.Pod });

        // Then
        Assert.Equal(expected, result.ClusterPolicies.Added);
    }

    [Fact]
    public void A_modified_cluster_policy_lists_its_changes_under_its_short_name()
    {
        // Given
        var before = TestClusters.FromYaml(string.Join("\n---\n", [.. Apps, DenyDevToProd]));
        var after = TestClusters.FromYaml(string.Join("\n---\n", [.. Apps, DenyDevToProd.Replace("priority: 10", "priority: 20", StringComparison.Ordinal).Replace("action: Deny", "action: Pass", StringComparison.Ordinal)]));

        // When
        var result = DiffAnalysis.Run(before, after, new DiffOptions());

        // Then
        var modified = Assert.Single(result.ClusterPolicies.Modified);
        Assert.Equal(("cnp/deny-dev-to-prod", "ClusterNetworkPolicy"), (modified.Name, modified.Kind));
        Assert.Equal(["spec.priority", "spec.ingress[0].action"], modified.Fields);
        var gained = Assert.Single(result.Gained);
        var cause = Assert.Single(gained.TierRules);
        Assert.Equal(("base", ClusterRuleAction.Deny), (cause.Side, cause.Action));
    }
}
