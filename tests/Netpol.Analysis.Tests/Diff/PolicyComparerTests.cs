using Netpol.Analysis.Diff;
using static Netpol.Analysis.Tests.Lint.Manifests;

namespace Netpol.Analysis.Tests.Diff;

public partial class PolicyComparerTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Policies_are_compared_by_meaning_not_text(PolicyComparisonCase row)
    {
        // Given
        var before = TestClusters.FromYaml(Policy("shop/p", row.Before)).Policies.Single();
        var after = TestClusters.FromYaml(Policy("shop/p", row.After)).Policies.Single();

        // When
        var fields = PolicyComparer.ChangedFields(before, after);

        // Then
        Assert.Equal(row.Fields, fields);
        Assert.Equal(row.Fields, PolicyComparer.ChangedFields(after, before));
    }
}
