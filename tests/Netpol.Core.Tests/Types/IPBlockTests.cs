using System.Net;
using Netpol.Core.Model;

namespace Netpol.Core.Tests.Types;

public partial class IPBlockTests
{
    /// <summary>A block (cidr and except ranges), an address, and whether the block matches it.</summary>
    public sealed record Case(string Name, string Cidr, string[] Except, string Address, bool Expected)
    {
        public override string ToString() => Name;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_block_matches_addresses_in_its_cidr_and_outside_its_excepts(Case row)
    {
        // Given
        var block = Block(row.Cidr, row.Except);

        // When
        var matches = block.Matches(IPAddress.Parse(row.Address));

        // Then
        Assert.Equal(row.Expected, matches);
    }

    [Fact]
    public void A_block_without_excepts_prints_as_its_cidr()
    {
        // Given
        var block = Block("10.0.0.0/8", []);

        // When
        var text = block.ToString();

        // Then
        Assert.Equal("10.0.0.0/8", text);
    }

    [Fact]
    public void A_block_with_excepts_prints_them_after_the_cidr()
    {
        // Given
        var block = Block("10.0.0.0/8", ["10.1.0.0/16", "10.2.0.0/16"]);

        // When
        var text = block.ToString();

        // Then
        Assert.Equal("10.0.0.0/8 except 10.1.0.0/16, 10.2.0.0/16", text);
    }

    private static IPBlock Block(string cidr, string[] except) =>
        new(IPNetwork.Parse(cidr), [.. except.Select(IPNetwork.Parse)]);
}
