using Netpol.Analysis.Audit;
using Netpol.Manifests.Flows;

namespace Netpol.Analysis.Tests.Audit;

/// <summary><c>netpol audit</c> with cluster network policies: the flows each tier rule decided, and what denied a flow.</summary>
public sealed partial class TierAuditTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Tier_rules_count_the_flows_they_decided_and_denials_name_their_cause(TierAuditCase row)
    {
        // When
        var result = Audit(row.Flows);

        // Then
        Assert.Equal(row.ClusterRules, result.ClusterRules.Where(r => r.Flows > 0).Select(r => $"{r.Reference} {r.Flows}"));
        Assert.Equal(row.DeniedBy, result.Denied.Select(d => $"{d.From} -> {d.To} {d.Port}: {string.Join("; ", d.DeniedBy)}"));
        if (row.Rules is { } rules)
        {
            Assert.Equal(rules, result.Rules.Where(r => r.Flows > 0).Select(r => $"{r.Reference} {r.Flows}"));
        }

        Assert.Equal(result.ClusterRules.Where(r => r.Flows == 0), result.UnusedClusterRules);
    }

    [Fact]
    public void Every_rule_of_every_cluster_policy_is_listed_in_evaluation_order()
    {
        var result = Audit("dev/client,prod/api,8080,TCP,1");

        Assert.Equal(
            [
                "[Admin] cnp/allow-monitoring ingress[0]",
                "[Admin] cnp/deny-dev-to-prod ingress[0]",
                "[Admin] cnp/deny-dev-to-prod ingress[1]",
                "[Admin] cnp/prod-egress egress[0]",
                "[Admin] cnp/prod-egress egress[1]",
                "[Baseline] cnp/default-deny ingress[0]",
            ],
            result.ClusterRules.Select(r => r.Reference));
    }

    [Fact]
    public void Without_cluster_policies_there_are_no_cluster_rules_and_networkpolicy_names_the_denial()
    {
        var world = TestClusters.FromYaml(World[..World.IndexOf("# cluster policies", StringComparison.Ordinal)]);
        var reader = new FlowReader();
        var result = AuditAnalysis.Run(world, ObservedFlows.Collect(reader.ReadText("prod/db-a,prod/vault,8200,TCP,1", "f.csv")), reader.Skipped);

        Assert.Empty(result.ClusterRules);
        Assert.Equal(["[NetworkPolicy] ingress default deny by prod/vault-deny"], Assert.Single(result.Denied).DeniedBy);
    }

    private static AuditResult Audit(string flows)
    {
        var reader = new FlowReader();
        var observed = ObservedFlows.Collect(reader.ReadText(flows, "f.csv"));
        Assert.False(reader.HasErrors, string.Join("\n", reader.Diagnostics));
        return AuditAnalysis.Run(TestClusters.FromYaml(World), observed, reader.Skipped);
    }
}
