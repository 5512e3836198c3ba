using System.Globalization;
using CsCheck;
using Netpol.Core.Model;

namespace Netpol.Core.Tests.Types;

public partial class PortSetTests
{
    /// <summary>Two sets written as text (<c>80/TCP, 8080-8090/TCP, */UDP</c>, <c>none</c>, <c>all</c>) and the result's text.</summary>
    public sealed record Case(string Name, string Left, string Right, string Expected)
    {
        public override string ToString() => Name;
    }

    /// <summary>Ranges given one by one, and the text the set prints.</summary>
    public sealed record TextCase(string Name, PortRange[] Ranges, string Expected)
    {
        public override string ToString() => Name;
    }

    /// <summary>A set, a probe and whether the set contains it.</summary>
    public sealed record ContainsCase(string Name, string Set, int Port, Protocol Protocol, bool Expected)
    {
        public override string ToString() => Name;
    }

    [Theory]
    [MemberData(nameof(Unions))]
    public void A_union_holds_the_ports_of_either_set(Case row)
    {
        // Given
        var left = Parse(row.Left);
        var right = Parse(row.Right);

        // When
        var union = left.Union(right);

        // Then
        Assert.Equal(row.Expected, union.ToString());
        Assert.Equal(union, right.Union(left));
    }

    [Theory]
    [MemberData(nameof(Intersections))]
    public void An_intersection_holds_the_ports_of_both_sets(Case row)
    {
        // Given
        var left = Parse(row.Left);
        var right = Parse(row.Right);

        // When
        var intersection = left.Intersect(right);

        // Then
        Assert.Equal(row.Expected, intersection.ToString());
        Assert.Equal(intersection, right.Intersect(left));
    }

    [Theory]
    [MemberData(nameof(Differences))]
    public void A_difference_holds_the_ports_of_the_first_set_only(Case row)
    {
        // Given
        var left = Parse(row.Left);
        var right = Parse(row.Right);

        // When
        var difference = left.Except(right);

        // Then
        Assert.Equal(row.Expected, difference.ToString());
        Assert.True(difference.Intersect(right).IsEmpty);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_set_prints_its_merged_ranges_in_protocol_order(TextCase row)
    {
        // Given
        var ranges = row.Ranges;

        // When
        var text = PortSet.FromRanges(ranges).ToString();

        // Then
        Assert.Equal(row.Expected, text);
    }

    [Theory]
    [MemberData(nameof(Containments))]
    public void A_set_contains_exactly_its_ports_of_its_protocols(ContainsCase row)
    {
        // Given
        var set = Parse(row.Set);

        // When
        var contains = set.Contains(row.Port, row.Protocol);

        // Then
        Assert.Equal(row.Expected, contains);
    }

    [Fact]
    public void Union_intersection_and_difference_agree_with_plain_sets_of_ports()
    {
        // Given
        var range = Gen.Select(Gen.Enum<Protocol>(), Gen.Int[1, 40], Gen.Int[0, 6], (p, s, n) => new PortRange(p, s, s + n));
        var set = range.Array[0, 4].Select(PortSet.FromRanges);

        // When, Then
        Gen.Select(set, set).Sample((a, b) =>
        {
            var union = a.Union(b);
            var intersection = a.Intersect(b);
            var difference = a.Except(b);
            foreach (var protocol in Enum.GetValues<Protocol>())
            {
                for (var port = 1; port <= 48; port++)
                {
                    Assert.Equal(a.Contains(port, protocol) || b.Contains(port, protocol), union.Contains(port, protocol));
                    Assert.Equal(a.Contains(port, protocol) && b.Contains(port, protocol), intersection.Contains(port, protocol));
                    Assert.Equal(a.Contains(port, protocol) && !b.Contains(port, protocol), difference.Contains(port, protocol));
                }
            }

            Assert.Equal(union, PortSet.FromRanges(union.Ranges));
            Assert.Equal(intersection, PortSet.FromRanges(intersection.Ranges));
            Assert.Equal(difference, PortSet.FromRanges(difference.Ranges));
        });
    }

    /// <summary>Parses the text <see cref="PortSet.ToString"/> prints.</summary>
    internal static PortSet Parse(string text) => text switch
    {
        "none" => PortSet.Empty,
        "all" => PortSet.All,
        _ => PortSet.FromRanges(text.Split(", ").Select(ParseRange)),
    };

    private static PortRange ParseRange(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var protocol = Enum.Parse<Protocol>(text[(slash + 1)..]);
        var ports = text[..slash];
        if (ports == "*")
        {
            return new PortRange(protocol, PortRange.MinPort, PortRange.MaxPort);
        }

        var dash = ports.IndexOf('-', StringComparison.Ordinal);
        var start = int.Parse(dash < 0 ? ports : ports[..dash], CultureInfo.InvariantCulture);
        var end = dash < 0 ? start : int.Parse(ports[(dash + 1)..], CultureInfo.InvariantCulture);
        return new PortRange(protocol, start, end);
    }
}
