using Netpol.Analysis.Lint;

namespace Netpol.Analysis.Tests.Lint;

/// <summary>
/// One row of the rule table: manifests, the rule under test, and what it must report, or <c>null</c> for a near miss
/// on which the rule must stay quiet.
/// </summary>
/// <param name="Name">What the row shows, as a sentence.</param>
/// <param name="Rule">The rule id under test.</param>
/// <param name="Yaml">The manifests.</param>
/// <param name="Finding">The finding the rule must report; null when it must report nothing.</param>
/// <param name="Options">Lint options, when the row needs other than the defaults.</param>
public sealed record RuleCase(string Name, string Rule, string Yaml, ExpectedFinding? Finding, LintOptions? Options = null)
{
    /// <summary>The row name, so each row reads as a sentence in test output.</summary>
    public override string ToString() => $"{Rule}: {Name}";
}
