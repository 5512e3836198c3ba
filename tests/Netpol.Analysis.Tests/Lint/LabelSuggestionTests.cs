using Netpol.Analysis.Lint;
using Netpol.Analysis.Naming;
using Netpol.Core.Model;

namespace Netpol.Analysis.Tests.Lint;

public class LabelSuggestionTests
{
    [Theory]
    [InlineData("web", "web", 0)]
    [InlineData("wbe", "web", 1)]
    [InlineData("frontnd", "frontend", 1)]
    [InlineData("wbe", "db", 2)]
    [InlineData("monitorng", "monitoring", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_a_swap_of_neighbouring_letters_as_one_edit(string a, string b, int distance)
    {
        Assert.Equal(distance, EditDistance.Between(a, b));
        Assert.Equal(distance, EditDistance.Between(b, a));
    }

    [Fact]
    public void A_swapped_letter_suggests_the_label_it_was_meant_to_be()
    {
        // Given
        var selector = LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = "wbe" });
        IReadOnlyDictionary<string, string>[] pods =
        [
            new Dictionary<string, string> { ["app"] = "api" },
            new Dictionary<string, string> { ["app"] = "db" },
            new Dictionary<string, string> { ["app"] = "web" },
        ];

        // When
        var suggestion = LabelSuggestion.Find(selector, pods);

        // Then
        Assert.NotNull(suggestion);
        Assert.Equal("app=web", suggestion.Selector.ToString());
        Assert.Equal("podSelector:\n  matchLabels:\n    app: web", suggestion.ToYaml("podSelector"));
    }
}
