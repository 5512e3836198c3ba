using Netpol.Analysis.Describe;
using Netpol.Analysis.Naming;

namespace Netpol.Analysis.Tests.Describe;

public sealed class DescribeNamesTests
{
    private static readonly string[] Names = ["shop/deploy/frontend", "shop/deploy/backend", "shop/web", "ops/web", "kube-system/deploy/coredns"];

    [Theory]
    [InlineData("shop/deploy/frontnd", "shop/deploy/frontend")]
    [InlineData("default/web", "ops/web,shop/web")]
    [InlineData("default/backend", "shop/deploy/backend")]
    [InlineData("shop/front", "shop/deploy/frontend")]
    [InlineData("x/zzzzzz", "")]
    public void Candidates_are_names_with_the_same_last_segment_then_close_ones(string text, string expected)
    {
        Assert.Equal(expected, string.Join(",", DescribeNames.Candidates(text, Names)));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "abd", 1)]
    [InlineData("frontend", "frontnd", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_counts_insertions_deletions_and_substitutions(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }
}
