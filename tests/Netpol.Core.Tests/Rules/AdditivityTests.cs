namespace Netpol.Core.Tests.Rules;

public partial class AdditivityTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void An_isolated_pod_gets_the_union_of_what_its_selecting_policies_allow(ConnectivityCase row)
    {
        // Given
        var cluster = World.Load(row);

        // When
        var verdict = cluster.Connect(row.From, row.To);

        // Then
        verdict.ShouldBe(row.Allowed, row.Port);
    }
}
