namespace Netpol.Core.Tests.Rules;

public partial class PolicyTypesTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void The_effective_policy_types_decide_which_directions_a_policy_isolates(ConnectivityCase row)
    {
        // Given
        var cluster = World.Load(row);

        // When
        var verdict = cluster.Connect(row.From, row.To);

        // Then
        verdict.ShouldBe(row.Allowed, row.Port);
    }
}
