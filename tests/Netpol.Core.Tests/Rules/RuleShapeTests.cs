namespace Netpol.Core.Tests.Rules;

public partial class RuleShapeTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Absent_or_empty_rule_fields_mean_deny_all_or_allow_all_as_the_spec_says(ConnectivityCase row)
    {
        // Given
        var cluster = World.Load(row);

        // When
        var verdict = cluster.Connect(row.From, row.To);

        // Then
        verdict.ShouldBe(row.Allowed, row.Port);
    }
}
