using Netpol.Analysis.Lint;

namespace Netpol.Analysis.Tests.Lint;

/// <summary>
/// One row of the suppression table: manifests carrying <c>netpol.io/ignore</c> annotations, the findings that must
/// stay and go (each written <c>rule Object</c>), and how many findings the run counts as suppressed.
/// </summary>
/// <param name="Name">What the row shows, as a sentence.</param>
/// <param name="Yaml">The manifests.</param>
/// <param name="Present">Findings that must be reported.</param>
/// <param name="Absent">Findings that must not be reported.</param>
/// <param name="Suppressed">The expected <see cref="LintResult.Suppressed"/>.</param>
/// <param name="Options">Lint options, when the row needs other than the defaults.</param>
public sealed record SuppressionCase(string Name, string Yaml, string[] Present, string[] Absent, int Suppressed, LintOptions? Options = null)
{
    /// <summary>The row name, so each row reads as a sentence in test output.</summary>
    public override string ToString() => Name;
}
