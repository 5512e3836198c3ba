namespace Netpol.Core.Tests.Rules;

public partial class DirectionTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void A_connection_needs_the_source_egress_and_the_destination_ingress(ConnectivityCase row)
    {
        // Given
        var cluster = World.Load(row);

        // When
        var verdict = cluster.Connect(row.From, row.To);

        // Then
        verdict.ShouldBe(row.Allowed, row.Port);
    }
}
