using Netpol.Core.Model;

namespace Netpol.Core.Tests.Types;

public partial class LabelSelectorTests
{
    /// <summary>A requirement, labels written <c>k=v,k2=v2</c> (empty: none), and whether they satisfy it.</summary>
    public sealed record RequirementCase(string Name, LabelRequirement Requirement, string Labels, bool Expected)
    {
        public override string ToString() => Name;
    }

    /// <summary>A selector, labels, and whether the selector matches them.</summary>
    public sealed record SelectorCase(string Name, LabelSelector Selector, string Labels, bool Expected)
    {
        public override string ToString() => Name;
    }

    /// <summary>A selector and its kubectl-style text.</summary>
    public sealed record TextCase(string Name, LabelSelector Selector, string Expected)
    {
        public override string ToString() => Name;
    }

    [Theory]
    [MemberData(nameof(Requirements))]
    public void A_requirement_holds_as_its_operator_says(RequirementCase row)
    {
        // Given
        var labels = Labels(row.Labels);

        // When
        var matches = row.Requirement.Matches(labels);

        // Then
        Assert.Equal(row.Expected, matches);
    }

    [Theory]
    [MemberData(nameof(Selectors))]
    public void A_selector_matches_when_every_requirement_holds(SelectorCase row)
    {
        // Given
        var labels = Labels(row.Labels);

        // When
        var matches = row.Selector.Matches(labels);

        // Then
        Assert.Equal(row.Expected, matches);
        Assert.Equal(row.Expected, !row.Selector.Failing(labels).Any());
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_selector_prints_like_kubectl(TextCase row)
    {
        // Given
        var selector = row.Selector;

        // When
        var text = selector.ToString();

        // Then
        Assert.Equal(row.Expected, text);
    }

    [Fact]
    public void Failing_lists_the_requirements_the_labels_fail_in_order()
    {
        // Given
        var selector = new LabelSelector([In("app", "web"), Exists("team"), NotIn("env", "dev")]);

        // When
        var failing = selector.Failing(Labels("app=db,env=dev")).ToList();

        // Then
        Assert.Equal([In("app", "web"), Exists("team"), NotIn("env", "dev")], failing);
    }

    [Fact]
    public void FromLabels_makes_one_In_requirement_per_label_sorted_by_key()
    {
        // Given
        var matchLabels = Labels("tier=backend,app=web");

        // When
        var selector = LabelSelector.FromLabels(matchLabels);

        // Then
        Assert.Equal([In("app", "web"), In("tier", "backend")], selector.Requirements);
        Assert.Equal("app=web,tier=backend", selector.ToString());
    }

    [Fact]
    public void Selectors_with_the_same_requirements_are_equal()
    {
        // Given
        var a = new LabelSelector([In("app", "web", "api"), DoesNotExist("canary")]);
        var b = new LabelSelector([In("app", "web", "api"), DoesNotExist("canary")]);

        // When
        var equal = a.Equals(b);

        // Then
        Assert.True(equal);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, new LabelSelector([In("app", "api", "web"), DoesNotExist("canary")]));
    }

    internal static Dictionary<string, string> Labels(string text) =>
        text.Length == 0
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : text.Split(',').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);

    internal static LabelRequirement In(string key, params string[] values) => new(key, SelectorOperator.In, values);

    internal static LabelRequirement NotIn(string key, params string[] values) => new(key, SelectorOperator.NotIn, values);

    internal static LabelRequirement Exists(string key) => new(key, SelectorOperator.Exists, []);

    internal static LabelRequirement DoesNotExist(string key) => new(key, SelectorOperator.DoesNotExist, []);
}
