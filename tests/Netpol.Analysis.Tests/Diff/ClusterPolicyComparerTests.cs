using Netpol.Analysis.Diff;

namespace Netpol.Analysis.Tests.Diff;

public partial class ClusterPolicyComparerTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Cluster_policies_are_compared_by_meaning_and_rule_order(ClusterPolicyComparisonCase row)
    {
        // Given
        var before = TestClusters.FromYaml(Manifest(row.Kind, row.Before)).ClusterPolicies.Single();
        var after = TestClusters.FromYaml(Manifest(row.Kind, row.After)).ClusterPolicies.Single();

        // When
        var changes = ClusterPolicyComparer.Changes(before, after);

        // Then
        Assert.Equal(row.Changes, changes.Select(Format));
    }

    [Fact]
    public void A_policy_compared_with_itself_has_no_change()
    {
        var policy = TestClusters.FromYaml(Manifest("ClusterNetworkPolicy", Guard)).ClusterPolicies.Single();

        Assert.Empty(ClusterPolicyComparer.Changes(policy, policy));
    }

    private static string Format(ClusterPolicyFieldChange c) =>
        $"{c.Field} {c.Kind.ToString().ToLowerInvariant()}: {c.Before ?? "-"} -> {c.After ?? "-"}";

    private static string Manifest(string kind, string spec)
    {
        var (apiVersion, name) = kind switch
        {
            "AdminNetworkPolicy" => ("policy.networking.k8s.io/v1alpha1", "p"),
            "BaselineAdminNetworkPolicy" => ("policy.networking.k8s.io/v1alpha1", "default"),
            _ => ("policy.networking.k8s.io/v1alpha2", "p"),
        };
        var body = string.Join('\n', spec.Split('\n').Select(line => "  " + line));
        return $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata: {{name: {name}}}\nspec:\n{body}\n";
    }
}
