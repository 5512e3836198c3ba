using Netpol.Analysis.Coverage;

namespace Netpol.Analysis.Tests.Coverage;

public partial class CoverageIsolationTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void A_pod_is_isolated_per_direction_by_the_policies_that_select_it(IsolationCase row)
    {
        // Given
        var cluster = TestClusters.FromYaml(string.Join("\n---\n", [Pods, .. row.Policies]));

        // When
        var result = CoverageAnalysis.Run(cluster, new CoverageOptions());

        // Then
        var entry = Assert.Single(result.Entries, e => e.Name == row.Pod);
        Assert.Equal(row.Ingress, entry.IngressPolicies);
        Assert.Equal(row.Egress, entry.EgressPolicies);
        Assert.Equal(row.Ingress.Length > 0, entry.Ingress);
        Assert.Equal(row.Egress.Length > 0, entry.Egress);
        Assert.Equal(row.Ingress.Length == 0 && row.Egress.Length == 0, entry.Open);
    }
}
