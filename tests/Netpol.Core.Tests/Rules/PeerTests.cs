namespace Netpol.Core.Tests.Rules;

public partial class PeerTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_kind_of_peer_matches_the_endpoints_the_spec_says(ConnectivityCase row)
    {
        // Given
        var cluster = World.Load(row);

        // When
        var verdict = cluster.Connect(row.From, row.To);

        // Then
        verdict.ShouldBe(row.Allowed, row.Port);
    }
}
