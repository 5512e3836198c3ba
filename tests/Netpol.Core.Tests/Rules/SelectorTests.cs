namespace Netpol.Core.Tests.Rules;

public partial class SelectorTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Label_selectors_match_as_the_spec_says(ConnectivityCase row)
    {
        // Given
        var cluster = World.Load(row);

        // When
        var verdict = cluster.Connect(row.From, row.To);

        // Then
        verdict.ShouldBe(row.Allowed, row.Port);
    }
}
