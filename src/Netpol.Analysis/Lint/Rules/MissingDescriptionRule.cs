using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>missing-description</c>: a policy without a description annotation. Months later, the reason for a rule
/// is the first thing a reviewer needs and the hardest to recover.
/// </summary>
public sealed class MissingDescriptionRule : LintRule
{
    /// <summary>The annotation keys accepted as a description.</summary>
    public static readonly IReadOnlyList<string> Keys = ["description", "netpol.io/description", "kubernetes.io/description"];

    /// <inheritdoc />
    public override string Id => "missing-description";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Info;

    /// <inheritdoc />
    public override string Summary => "a policy without a description annotation";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            if (Keys.Any(k => policy.Annotations.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v)))
            {
                continue;
            }

            context.Report(
                policy,
                "metadata.annotations",
                "has no description annotation: say what the policy is for and who owns it",
                "metadata:\n  annotations:\n    description: \"<what this policy allows and why>\"");
        }
    }
}
