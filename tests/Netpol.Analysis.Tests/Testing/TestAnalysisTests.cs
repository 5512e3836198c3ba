using Netpol.Analysis.Testing;
using Netpol.Core.Diagnostics;
using Netpol.Manifests.Specs;

namespace Netpol.Analysis.Tests.Testing;

/// <summary>
/// <c>netpol test</c>'s analysis over one small world (<see cref="World"/>): which pairs a test resolves to, on which
/// port, with which verdict, and whether the test passes; and the problems that keep a test from running.
/// Rows are in <c>TestAnalysisTests.Cases.cs</c>.
/// </summary>
public partial class TestAnalysisTests
{
    private const string FileName = "s.yaml";

    /// <summary>
    /// One test, and what it must resolve to: every pair as <c>FROM -> TO:PORT/PROTOCOL allowed|denied</c>, in order
    /// (destinations, then sources).
    /// </summary>
    public sealed record ResultCase(string Name, string From, string To, string? Port, string Expect, bool Passed, string[] Pairs, string? Protocol = null)
    {
        public override string ToString() => Name;
    }

    /// <summary>One test that cannot run, and the one line it must produce.</summary>
    public sealed record UnresolvedCase(string Name, string From, string To, string? Port, string Line, string? Protocol = null)
    {
        public override string ToString() => Name;
    }

    [Theory]
    [MemberData(nameof(Results))]
    public void A_test_resolves_to_pairs_and_passes_only_when_every_pair_meets_the_expectation(ResultCase row)
    {
        ArgumentNullException.ThrowIfNull(row);

        // Given
        var spec = Spec(row.From, row.To, row.Port, row.Protocol, row.Expect);

        // When
        var run = TestAnalysis.Run(TestClusters.FromYaml(World), spec.Tests);

        // Then
        Assert.Empty(run.Diagnostics);
        var result = Assert.Single(run.Results);
        Assert.Equal(row.Pairs, result.Check.Cases.Select(c =>
            $"{c.Explanation.From} -> {c.Explanation.To}:{c.Explanation.Port}/{c.Explanation.Protocol} {(c.Explanation.Allowed ? "allowed" : "denied")}"));
        Assert.Equal(row.Passed, result.Passed);
        Assert.Equal((row.Passed ? 1 : 0, row.Passed ? 0 : 1), (run.Passed, run.Failed));
        var expected = row.Expect == "allow" ? TestExpectation.Allow : TestExpectation.Deny;
        Assert.Equal(row.Passed, result.Actual == expected);
        Assert.Equal(row.Passed ? 0 : row.Pairs.Count(p => p.EndsWith(row.Expect == "allow" ? " denied" : " allowed", StringComparison.Ordinal)), result.Offending.Count);
    }

    [Theory]
    [MemberData(nameof(Unresolved))]
    public void A_test_that_cannot_be_resolved_is_reported_at_the_field_that_names_it(UnresolvedCase row)
    {
        ArgumentNullException.ThrowIfNull(row);

        // Given
        var spec = Spec(row.From, row.To, row.Port, row.Protocol, "allow");

        // When
        var run = TestAnalysis.Run(TestClusters.FromYaml(World), spec.Tests);

        // Then
        Assert.Empty(run.Results);
        var problem = Assert.Single(run.Diagnostics);
        Assert.Equal(Severity.Error, problem.Severity);
        Assert.Equal("unresolved", problem.Code);
        Assert.Equal(row.Line, problem.ToString());
    }

    [Fact]
    public void Every_unresolved_test_is_reported_and_the_others_still_run()
    {
        // Given
        var spec = TestSpecReader.Parse(
            """
            tests:
              - {name: typo, from: shop/wbe-1, to: {namespace: shpo}, port: 80, expect: allow}
              - {name: fine, from: ops/probe, to: shop/db, port: 5432, expect: deny}
              - {name: no port, from: ops/probe, to: shop/db, expect: deny}
            """,
            FileName);

        // When
        var run = TestAnalysis.Run(TestClusters.FromYaml(World), spec.Tests);

        // Then
        Assert.Equal(
            [
                "s.yaml:2:24: tests[0].from: no pod or workload \"shop/wbe-1\" in the input; did you mean shop/web-1?",
                "s.yaml:2:40: tests[0].to: selector shpo/{} matches no pod: no namespace \"shpo\" in the input; did you mean shop?",
                "s.yaml:4:5: tests[2].port: Required value: the port to test on the destination (a number or a container port name)",
            ],
            run.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(["fine"], run.Results.Select(r => r.Spec.Name));
        Assert.True(run.Results[0].Passed);
    }

    [Fact]
    public void The_endpoints_of_tests_with_other_mistakes_are_checked_too()
    {
        // Given: three tests with a bad expect, so none runs
        var spec = TestSpecReader.Parse(
            """
            tests:
              - {name: a, from: shop/wbe-1, to: shop/svc/db, expect: maybe}
              - {name: b, from: {labels: {app: nope}}, to: shop/svc/nothing, expect: maybe}
              - {name: c, from: shop/deploy/web, to: {namespace: ops}, expect: maybe}
            """,
            FileName);

        // When
        var problems = TestAnalysis.CheckEndpoints(TestClusters.FromYaml(World), spec.EndpointsOfBadTests);

        // Then: a Service with several ports is fine here (no port is judged), one without backends is not
        Assert.Empty(spec.Tests);
        Assert.Equal(
            [
                "s.yaml:2:21: tests[0].from: no pod or workload \"shop/wbe-1\" in the input; did you mean shop/web-1?",
                "s.yaml:3:21: tests[1].from: selector {app=nope} matches no pod: no pod in any namespace has the labels app=nope",
                "s.yaml:3:48: tests[1].to: Service shop/nothing selects no pod in the input (selector app=nothing)",
            ],
            problems.Select(d => d.ToString()));
    }

    [Fact]
    public void A_failed_test_reports_the_verdict_that_answers_its_expectation()
    {
        // Given: two of the four shop pods reach the database, two do not
        var spec = TestSpecReader.Parse(
            """
            tests:
              - {name: all allowed, from: {namespace: shop}, to: shop/db, port: 5432, expect: allow}
              - {name: all denied, from: {namespace: shop}, to: shop/db, port: 5432, expect: deny}
            """,
            FileName);

        // When
        var run = TestAnalysis.Run(TestClusters.FromYaml(World), spec.Tests);

        // Then
        var (allow, deny) = (run.Results[0], run.Results[1]);
        Assert.Equal((TestExpectation.Deny, 2, 2), (allow.Actual, allow.AllowedPairs, allow.DeniedPairs));
        Assert.Equal((TestExpectation.Allow, 2, 2), (deny.Actual, deny.AllowedPairs, deny.DeniedPairs));
        Assert.Equal(["shop/web-1", "shop/web-2"], allow.Offending.Select(c => c.Explanation.From.Name));
        Assert.Equal(["shop/api-1", "shop/api-2"], deny.Offending.Select(c => c.Explanation.From.Name));
        Assert.Equal((0, 2), (run.Passed, run.Failed));
    }

    /// <summary>A one-test spec, one field a line: from on line 3 (value at column 11), to on line 4 (column 9), port on line 5 (column 11).</summary>
    private static TestSpecFile Spec(string from, string to, string? port, string? protocol, string expect)
    {
        var yaml = $"tests:\n  - name: t\n    from: {from}\n    to: {to}\n"
            + (port is null ? string.Empty : $"    port: {port}\n")
            + (protocol is null ? string.Empty : $"    protocol: {protocol}\n")
            + $"    expect: {expect}\n";
        var spec = TestSpecReader.Parse(yaml, FileName);
        Assert.Empty(spec.Diagnostics);
        return spec;
    }
}
