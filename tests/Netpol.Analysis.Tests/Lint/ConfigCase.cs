using Netpol.Analysis.Lint;

namespace Netpol.Analysis.Tests.Lint;

/// <summary>
/// One row of the configuration table: a lint configuration and the findings it must keep and drop, each written
/// <c>Severity rule Object</c>, e.g. <c>Warning broad-cidr NetworkPolicy shop/egress-all</c>.
/// </summary>
/// <param name="Name">What the row shows, as a sentence.</param>
/// <param name="Config">The configuration.</param>
/// <param name="Present">Findings that must be reported.</param>
/// <param name="Absent">Findings that must not be reported.</param>
/// <param name="NotRun">Rule ids that must not run at all.</param>
public sealed record ConfigCase(string Name, LintConfig Config, string[] Present, string[] Absent, string[]? NotRun = null)
{
    /// <summary>The row name, so each row reads as a sentence in test output.</summary>
    public override string ToString() => Name;
}
