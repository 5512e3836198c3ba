using Netpol.Analysis.Lint;

namespace Netpol.Analysis.Tests.Lint;

public partial class SuppressionTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void The_ignore_annotation_silences_the_rules_it_names(SuppressionCase row)
    {
        // Given
        var cluster = TestClusters.FromYaml(row.Yaml);

        // When
        var result = LintAnalysis.Run(cluster, row.Options);

        // Then
        var reported = result.Findings.Select(f => $"{f.Rule} {f.Object}").ToHashSet(StringComparer.Ordinal);
        var all = string.Join("\n", reported.Order(StringComparer.Ordinal));
        foreach (var finding in row.Present)
        {
            Assert.True(reported.Contains(finding), $"missing: {finding}\nreported:\n{all}");
        }

        foreach (var finding in row.Absent)
        {
            Assert.False(reported.Contains(finding), $"not expected: {finding}\nreported:\n{all}");
        }

        Assert.Equal(row.Suppressed, result.Suppressed);
    }

    [Fact]
    public void Suppressed_findings_are_counted_not_lost()
    {
        // Given: the same manifests without and with a namespace-wide ignore
        var plain = LintAnalysis.Run(TestClusters.FromYaml(LintConfigTests.World()));
        var silenced = LintAnalysis.Run(TestClusters.FromYaml(LintConfigTests.World(shopAnnotations: $"{{{LintContext.IgnoreAnnotation}: all}}")));

        // Then: every shop finding moved to the count, and nothing else changed
        var shop = plain.Findings.Count(f => f.Namespace == "shop");
        Assert.True(shop >= 5, $"the world should have several shop findings, has {shop}");
        Assert.Equal(0, plain.Suppressed);
        Assert.Equal(shop, silenced.Suppressed);
        Assert.Equal(plain.Findings.Count - shop, silenced.Findings.Count);
        Assert.DoesNotContain(silenced.Findings, f => f.Namespace == "shop");
    }
}
