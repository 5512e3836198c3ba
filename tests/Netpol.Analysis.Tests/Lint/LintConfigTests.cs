using Netpol.Analysis.Lint;
using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Tests.Lint;

public partial class LintConfigTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void The_configuration_chooses_rules_severities_and_namespaces(ConfigCase row)
    {
        // Given
        var cluster = TestClusters.FromYaml(World());

        // When
        var result = LintAnalysis.Run(cluster, new LintOptions { Config = row.Config });

        // Then
        var reported = result.Findings.Select(Key).ToHashSet(StringComparer.Ordinal);
        var all = string.Join("\n", reported.Order(StringComparer.Ordinal));
        foreach (var finding in row.Present)
        {
            Assert.True(reported.Contains(finding), $"missing: {finding}\nreported:\n{all}");
        }

        foreach (var finding in row.Absent)
        {
            Assert.False(reported.Contains(finding), $"not expected: {finding}\nreported:\n{all}");
        }

        foreach (var id in row.NotRun ?? [])
        {
            Assert.DoesNotContain(result.Rules, r => r.Id == id);
            Assert.DoesNotContain(result.Findings, f => f.Rule == id);
        }

        Assert.Equal(RuleCatalog.All.Count(r => row.Config.IsEnabled(r.Id)), result.Rules.Count);
    }

    [Fact]
    public void Counts_and_thresholds_follow_the_configured_severities()
    {
        // Given
        var cluster = TestClusters.FromYaml(World());
        var onlyDescriptions = new LintOptions { Config = LintConfig.Default with { Disable = new HashSet<string> { "all" }, Enable = new HashSet<string> { "missing-description" } } };
        var descriptionsAsErrors = onlyDescriptions with { Config = onlyDescriptions.Config with { Severities = new Dictionary<string, Severity> { ["missing-description"] = Severity.Error } } };

        // When
        var infos = LintAnalysis.Run(cluster, onlyDescriptions);
        var errors = LintAnalysis.Run(cluster, descriptionsAsErrors);

        // Then
        Assert.Equal(1, infos.Count(Severity.Info));
        Assert.Equal(0, infos.Count(Severity.Error));
        Assert.True(infos.Reaches(Severity.Info));
        Assert.False(infos.Reaches(Severity.Warning));
        Assert.Equal(1, errors.Count(Severity.Error));
        Assert.True(errors.Reaches(Severity.Warning));
        Assert.True(errors.Reaches(Severity.Error));
    }

    private static string Key(LintFinding f) => $"{f.Severity} {f.Rule} {f.Object}";
}
