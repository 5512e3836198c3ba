namespace Netpol.Core.Tests.Rules;

public partial class IsolationTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void A_pod_selected_by_no_policy_for_a_direction_is_not_isolated_that_way(ConnectivityCase row)
    {
        // Given
        var cluster = World.Load(row);

        // When
        var verdict = cluster.Connect(row.From, row.To);

        // Then
        verdict.ShouldBe(row.Allowed, row.Port);
    }
}
