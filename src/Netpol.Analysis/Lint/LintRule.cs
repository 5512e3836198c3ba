using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Lint;

/// <summary>
/// A lint rule: a stable id (a contract: configs, annotations and scripts name rules by it), a default severity,
/// a one-line summary for <c>netpol lint --list-rules</c>, and the check itself, which reports through the context.
/// </summary>
public abstract class LintRule
{
    /// <summary>The stable id, e.g. <c>dns-egress-missing</c>.</summary>
    public abstract string Id { get; }

    /// <summary>The severity findings get unless the configuration says otherwise.</summary>
    public abstract Severity DefaultSeverity { get; }

    /// <summary>What the rule finds, in one line.</summary>
    public abstract string Summary { get; }

    /// <summary>Runs the rule over the cluster and reports each finding through <paramref name="context"/>.</summary>
    public abstract void Check(LintContext context);
}
