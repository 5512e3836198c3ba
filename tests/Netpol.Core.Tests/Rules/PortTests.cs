namespace Netpol.Core.Tests.Rules;

public partial class PortTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Ports_match_by_protocol_number_range_and_name(ConnectivityCase row)
    {
        // Given
        var cluster = World.Load(row);

        // When
        var verdict = cluster.Connect(row.From, row.To);

        // Then
        verdict.ShouldBe(row.Allowed, row.Port);
    }
}
