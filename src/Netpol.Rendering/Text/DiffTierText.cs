using Netpol.Analysis.Diff;

namespace Netpol.Rendering.Text;

/// <summary>How the text and Markdown diffs word tier rules and cluster network policy changes.</summary>
internal static class DiffTierText
{
    /// <summary>
    /// A tier rule behind a connection change, named as <c>netpol check</c> names it:
    /// <c>head: [Admin] cnp/deny-dev-to-prod ingress[0] Deny (rule "no-dev") on all</c>.
    /// </summary>
    public static string Cause(TierCause cause)
    {
        var name = cause.RuleName is { } n ? $" (rule \"{n}\")" : string.Empty;
        return $"{cause.Side}: {cause.Rule} {cause.Action}{name} on {PortText.Line(cause.Ports)}";
    }

    /// <summary>
    /// One change of a modified cluster network policy: <c>spec.priority: 10 -&gt; 5</c>,
    /// <c>spec.ingress[1] (rule "x"): added: Deny from namespaces env=dev on all ports</c>,
    /// <c>spec.ingress[0] (rule "y"): moved from ingress[1]</c>.
    /// </summary>
    public static string Change(ClusterPolicyFieldChange change)
    {
        var name = change.RuleName is { } n ? $" (rule \"{n}\")" : string.Empty;
        return change.Kind switch
        {
            ClusterPolicyChangeKind.Added => $"{change.Field}{name}: added: {change.After}",
            ClusterPolicyChangeKind.Removed => $"{change.Field}{name}: removed: {change.Before}",
            ClusterPolicyChangeKind.Moved => $"{change.Field}{name}: moved from {change.Before}",
            _ => $"{change.Field}{name}: {change.Before} -> {change.After}",
        };
    }

    /// <summary><c>; N cluster policies changed</c>, for the summary lines of inputs with tiers.</summary>
    public static string SummarySuffix(DiffResult result)
    {
        if (!result.Tiered)
        {
            return string.Empty;
        }

        var n = result.ClusterPolicies.Count;
        return $"; {n} cluster {(n == 1 ? "policy" : "policies")} changed";
    }
}
