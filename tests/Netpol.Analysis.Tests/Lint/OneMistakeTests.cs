using Netpol.Analysis.Lint;
using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Tests.Lint;

public partial class OneMistakeTests
{
    [Fact]
    public void The_well_built_app_gets_no_error_and_no_warning()
    {
        // Given
        var cluster = TestClusters.FromYaml(WellBuiltApp.Yaml);

        // When
        var result = LintAnalysis.Run(cluster);

        // Then
        Assert.False(result.Reaches(Severity.Warning), $"the well-built app got:\n{Describe(result.Findings)}");

        // Info findings: none. (Before numeric-port-has-name left DNS alone, the four 53/UDP and 53/TCP entries of
        // the two allow-dns policies each got "port 53 is named dns/dns-tcp by the pods that listen on it".)
        // cni-dependent is the exception: the frontend's ipBlock with a named port and its egress through a Service
        // whose port is not its targetPort are right upstream but mean something else on the AWS VPC CNI.
        Assert.Equal(Array.Empty<string>(), result.Findings.Where(f => f.Rule != "cni-dependent").Select(f => $"{f.Rule} {f.Object} {f.Path}"));
        Assert.All(result.Findings, f => Assert.Contains("aws-vpc", f.Message, StringComparison.Ordinal));
        Assert.Equal(0, result.Suppressed);
        Assert.Equal(RuleCatalog.All.Count, result.Rules.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_manifest_with_one_mistake_triggers_exactly_its_rule(MistakeCase row)
    {
        // Given
        var cluster = TestClusters.FromYaml(row.Yaml);

        // When
        var result = LintAnalysis.Run(cluster);

        // Then
        var serious = result.Findings.Where(f => f.Severity >= Severity.Warning).ToList();
        Assert.True(
            row.Expected.Order(StringComparer.Ordinal).SequenceEqual(serious.Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal)),
            $"expected errors and warnings from [{string.Join(", ", row.Expected)}], got:\n{Describe(serious)}");
        var located = serious;
        if (row.Info is { } info)
        {
            located = [.. result.Findings.Where(f => f.Rule == info && f.Severity == Severity.Info)];
            Assert.True(located.Count > 0, $"expected an info from {info}, got:\n{Describe(result.Findings)}");
        }

        Assert.Equal(row.Objects.Order(StringComparer.Ordinal), located.Select(f => f.Object).Distinct().Order(StringComparer.Ordinal));
    }

    private static string Describe(IEnumerable<LintFinding> findings) =>
        string.Join("\n", findings.Select(f => $"  {f.Severity} {f.Rule} {f.Object} {f.Path}: {f.Message}"));
}
