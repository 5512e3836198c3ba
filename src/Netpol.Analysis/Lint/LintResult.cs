using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Lint;

/// <summary>The findings of a lint run, sorted by namespace, object, location and rule.</summary>
public sealed record LintResult(IReadOnlyList<LintFinding> Findings, int Suppressed, IReadOnlyList<LintRule> Rules)
{
    /// <summary>How long each rule took, in the order they ran.</summary>
    public IReadOnlyList<(string Rule, TimeSpan Elapsed)> Timings { get; init; } = [];

    /// <summary>How many findings have the severity.</summary>
    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>True when some finding is at least as serious as <paramref name="threshold"/>.</summary>
    public bool Reaches(Severity threshold) => Findings.Any(f => f.Severity >= threshold);
}
