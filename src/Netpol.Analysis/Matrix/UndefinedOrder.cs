using Netpol.Analysis.Lint;
using Netpol.Analysis.Lint.Rules;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Matrix;

/// <summary>
/// Where the matrix rests on an order the API leaves undefined: two cluster network policies of one tier and
/// priority that decide some connection differently. The matrix applies netpol's tie-break (kind, then name); a
/// plugin may apply the other order, and <c>netpol check</c> shows both outcomes for a connection. Found by the lint
/// rule <c>same-priority-overlap</c>, whatever the lint configuration says.
/// </summary>
internal static class UndefinedOrder
{
    /// <summary>One sentence per conflicting pair and direction, with an example connection; empty when there is none.</summary>
    public static IReadOnlyList<string> In(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var policies = cluster.ClusterPolicies;
        if (!policies.GroupBy(p => (p.Tier, p.Priority)).Any(g => g.Count() > 1))
        {
            return [];
        }

        var rule = new SamePriorityOverlapRule();
        var context = new LintContext(cluster, new LintOptions());
        context.Begin(rule, Severity.Warning);
        rule.Check(context);
        return [.. context.Findings.Select(f => f.Message).Order(StringComparer.Ordinal)];
    }
}
