using Netpol.Analysis.Lint;

namespace Netpol.Analysis.Tests.Lint;

public partial class LintRuleTests
{
    public static TheoryData<RuleCase> Fires => Rows(c => c.Finding is not null);

    public static TheoryData<RuleCase> NearMisses => Rows(c => c.Finding is null);

    [Fact]
    public void Every_rule_has_a_case_where_it_fires_and_a_near_miss_where_it_does_not()
    {
        // Given
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();

        // When
        var firing = All.Where(c => c.Finding is not null).Select(c => c.Rule).ToHashSet();
        var quiet = All.Where(c => c.Finding is null).Select(c => c.Rule).ToHashSet();

        // Then
        Assert.Equal(Array.Empty<string>(), ids.Where(id => !firing.Contains(id)));
        Assert.Equal(Array.Empty<string>(), ids.Where(id => !quiet.Contains(id)));
        Assert.Equal(Array.Empty<string>(), All.Select(c => c.Rule).Distinct().Where(id => RuleCatalog.Find(id) is null));
    }

    [Theory]
    [MemberData(nameof(Fires))]
    public void A_rule_reports_the_mistake_it_is_named_for(RuleCase row)
    {
        // Given
        var cluster = TestClusters.FromYaml(row.Yaml);
        var expected = row.Finding!;

        // When
        var result = LintAnalysis.Run(cluster, row.Options);

        // Then
        var findings = result.Findings.Where(f => f.Rule == row.Rule).ToList();
        Assert.True(findings.Count == expected.Count, $"expected {expected.Count} {row.Rule} finding(s), got:\n{Describe(findings)}");
        var matching = findings.Where(f => f.Object == expected.Object && f.Path == expected.Path).ToList();
        Assert.True(matching.Count == 1, $"expected one finding on {expected.Object} at '{expected.Path}', got:\n{Describe(findings)}");
        var finding = matching[0];
        Assert.Equal(expected.Severity ?? RuleCatalog.Find(row.Rule)!.DefaultSeverity, finding.Severity);
        Assert.Equal("test.yaml", finding.Location?.File);
        AssertLocatedIn(row.Yaml, finding);
        foreach (var fact in expected.Mentions)
        {
            Assert.Contains(fact, finding.Message, StringComparison.Ordinal);
        }

        foreach (var text in expected.NotMentioned ?? [])
        {
            Assert.DoesNotContain(text, finding.Message, StringComparison.Ordinal);
        }

        foreach (var text in expected.Fix ?? [])
        {
            Assert.Contains(text, finding.Fix ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void A_rule_stays_quiet_on_a_near_miss(RuleCase row)
    {
        // Given
        var cluster = TestClusters.FromYaml(row.Yaml);

        // When
        var result = LintAnalysis.Run(cluster, row.Options);

        // Then
        Assert.Contains(result.Rules, r => r.Id == row.Rule);
        var findings = result.Findings.Where(f => f.Rule == row.Rule).ToList();
        Assert.True(findings.Count == 0, $"expected no {row.Rule} finding, got:\n{Describe(findings)}");
    }

    /// <summary>The finding's line lies in the document of the object it names (and, for a field, not on its first line).</summary>
    private static void AssertLocatedIn(string yaml, LintFinding finding)
    {
        var lines = yaml.Split('\n');
        var line = finding.Location!.Line;
        Assert.InRange(line, 1, lines.Length);
        var start = line - 1;
        while (start > 0 && lines[start - 1] != "---")
        {
            start--;
        }

        var end = line - 1;
        while (end < lines.Length - 1 && lines[end + 1] != "---")
        {
            end++;
        }

        var document = string.Join("\n", lines[start..(end + 1)]);
        var space = finding.Object.IndexOf(' ', StringComparison.Ordinal);
        var kind = finding.Object[..space];
        var fullName = finding.Object[(space + 1)..];
        var name = fullName[(fullName.LastIndexOf('/') + 1)..];
        Assert.True(
            document.Contains($"kind: {kind}\n", StringComparison.Ordinal) && document.Contains($"  name: {name}\n", StringComparison.Ordinal),
            $"{finding.Object} reported at line {line}, which is in:\n{document}");
        if (finding.Path.StartsWith("spec.", StringComparison.Ordinal) && finding.Object.StartsWith("NetworkPolicy", StringComparison.Ordinal))
        {
            Assert.True(line - 1 > start, $"{finding.Path} located at the start of the object");
        }
    }

    private static TheoryData<RuleCase> Rows(Func<RuleCase, bool> filter)
    {
        var data = new TheoryData<RuleCase>();
        foreach (var row in All.Where(filter))
        {
            data.Add(row);
        }

        return data;
    }

    private static string Describe(IEnumerable<LintFinding> findings) =>
        string.Join("\n", findings.Select(f => $"  {f.Severity} {f.Rule} {f.Object} '{f.Path}': {f.Message}\n    fix: {f.Fix}"));
}
