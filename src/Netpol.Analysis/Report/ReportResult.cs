using Netpol.Analysis.Coverage;
using Netpol.Analysis.Graph;
using Netpol.Analysis.Lint;

namespace Netpol.Analysis.Report;

/// <summary>
/// Everything the HTML report shows: the workload graph (open and expected-but-denied edges included), the
/// explanations of its edges, lint findings and coverage.
/// </summary>
public sealed record ReportResult(
    ReportOptions Options,
    GraphResult Graph,
    IReadOnlyList<EdgeExplanation> Explanations,
    LintResult Lint,
    CoverageResult Coverage,
    int Pods,
    int Policies)
{
    /// <summary>The <c>team</c> label of each namespace that has one: the page groups namespaces by team when there are many.</summary>
    public IReadOnlyDictionary<string, string> Teams { get; init; } = new Dictionary<string, string>();
}
