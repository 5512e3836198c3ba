using System.Globalization;
using Netpol.Analysis.Audit;
using Netpol.Analysis.Check;
using Netpol.Core.Explain;

namespace Netpol.Rendering.Text;

/// <summary>
/// Writes an audit for people: the window, the denied flows with what denied them and <c>netpol check</c>'s
/// explanation, the flows per rule, the rules no flow used, with cluster network policies the flows each of their
/// rules decided and those that decided none, the silent workloads with a caution, the unknown endpoints, and a
/// summary line.
/// </summary>
public static class AuditTextRenderer
{
    /// <summary>The caution printed with silent workloads and unused rules: absence of traffic proves little.</summary>
    public const string Caution =
        "no flow in a window is no proof that the traffic is unneeded: a CronJob that did not run, a failover path or a monthly report is silent too";

    /// <summary>Writes the result.</summary>
    public static void Write(AuditResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        var s = result.Summary;
        w.WriteLine(s.From is { } from && s.To is { } to
            ? $"audit: {Plural(s.Flows, "flow")} observed from {Time(from)} to {Time(to)}"
            : $"audit: {Plural(s.Flows, "flow")} observed (the log has no times)");
        if (result.Cni is { } cni)
        {
            w.WriteLine($"network plugin: {cni.Name} ({cni.Title}): verdicts as it enforces the policies (--cni {cni.Name})");
            if (result.IgnoredClusterPolicies.Count > 0)
            {
                w.WriteLine($"  it ignores {string.Join(", ", result.IgnoredClusterPolicies.Select(ClusterPolicyNames.Short))}: they decide nothing here");
            }
        }

        w.WriteLine();
        WriteDenied(result, w);
        WriteRules(result, w);
        WriteClusterRules(result, w);
        WriteSilent(result, w);
        WriteUnknown(result, w);
        w.WriteLine(SummaryLine(s));
    }

    /// <summary>
    /// The last line of the text output:
    /// <c>N flows (K skipped: R replies, L non-L4), M would be denied, U unknown endpoints</c>.
    /// </summary>
    public static string SummaryLine(AuditSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var k = summary.Skipped;
        var line = $"summary: {Plural(summary.Flows, "flow")} ({k.Flows} skipped: {Plural(k.Replies, "reply", "replies")}, {k.NonL4} non-L4), " +
            $"{summary.Denied} would be denied, {Plural(summary.UnknownEndpoints, "unknown endpoint")}";
        if (summary.UnknownFlows > 0)
        {
            line += $" ({Plural(summary.UnknownFlows, "flow")} not evaluated)";
        }

        if (k.NotFlows > 0)
        {
            line += $"; {k.NotFlows} {(k.NotFlows == 1 ? "line was not a flow" : "lines were not flows")}";
        }

        return line;
    }

    private static void WriteDenied(AuditResult result, TextWriter w)
    {
        if (result.Denied.Count == 0)
        {
            w.WriteLine("Would be denied: no observed flow");
            w.WriteLine();
            return;
        }

        w.WriteLine($"Would be denied: {Plural(result.Summary.Denied, "flow")} in {Plural(result.Denied.Count, "group")}");
        w.WriteLine();
        foreach (var d in result.Denied)
        {
            var when = (d.First, d.Last) switch
            {
                ({ } first, { } last) when first == last => $", at {Time(first)}",
                ({ } first, { } last) => $", {Time(first)} to {Time(last)}",
                _ => string.Empty,
            };
            w.WriteLine($"{Plural(d.Count, "flow")}: {d.From} -> {d.To} on {d.Port}/{d.Protocol} ({Plural(d.Pairs, "endpoint pair")}{when})");
            if (d.DeniedBy.Count > 0)
            {
                w.WriteLine($"  denied by: {string.Join("; ", d.DeniedBy)}");
            }

            using var check = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            var e = d.Explanation;
            CheckTextRenderer.Write(new CheckResult(e.From.Name, e.To.Name, e.Port, e.Protocol, [new CheckCase(null, null, e)]), check);
            foreach (var line in check.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                w.WriteLine($"  {line}");
            }

            w.WriteLine();
        }
    }

    private static void WriteRules(AuditResult result, TextWriter w)
    {
        var used = result.Rules.Where(r => r.Flows > 0).ToList();
        w.WriteLine("Flows each rule admitted:");
        if (result.Rules.Count == 0)
        {
            w.WriteLine("  no policy has rules");
        }
        else if (used.Count == 0)
        {
            w.WriteLine("  none");
        }

        var width = used.Count == 0 ? 1 : used.Max(r => r.Flows.ToString(CultureInfo.InvariantCulture).Length);
        foreach (var r in used)
        {
            w.WriteLine($"  {r.Flows.ToString(CultureInfo.InvariantCulture).PadLeft(width)}  {r.Reference}");
        }

        w.WriteLine();
        var unused = result.UnusedRules.ToList();
        if (unused.Count == 0)
        {
            return;
        }

        w.WriteLine("Rules that admitted no observed flow (candidates for tightening):");
        foreach (var r in unused)
        {
            w.WriteLine($"  {r.Reference}");
        }

        w.WriteLine($"  caution: {Caution}");
        w.WriteLine();
    }

    private static void WriteClusterRules(AuditResult result, TextWriter w)
    {
        if (result.ClusterRules.Count == 0)
        {
            return;
        }

        var used = result.ClusterRules.Where(r => r.Flows > 0).ToList();
        w.WriteLine("Flows each cluster policy rule decided:");
        if (used.Count == 0)
        {
            w.WriteLine("  none");
        }

        var width = used.Count == 0 ? 1 : used.Max(r => r.Flows.ToString(CultureInfo.InvariantCulture).Length);
        foreach (var r in used)
        {
            w.WriteLine($"  {r.Flows.ToString(CultureInfo.InvariantCulture).PadLeft(width)}  {ClusterRule(r)}");
        }

        w.WriteLine();
        var unused = result.UnusedClusterRules.ToList();
        if (unused.Count == 0)
        {
            return;
        }

        w.WriteLine("Cluster policy rules that decided no observed flow:");
        foreach (var r in unused)
        {
            w.WriteLine($"  {ClusterRule(r)}");
        }

        w.WriteLine("  caution: an unused Accept or Pass is a candidate for tightening; an unused Deny may be a guardrail that nothing tried to cross");
        w.WriteLine();
    }

    // As check names a tier rule: [Admin] cnp/deny-dev-to-prod ingress[0] Deny (rule "no-dev").
    private static string ClusterRule(ClusterRuleUsage r) =>
        $"{r.Reference} {r.ClusterRule.Action}{(r.ClusterRule.Name is { } n ? $" (rule \"{n}\")" : string.Empty)}";

    private static void WriteSilent(AuditResult result, TextWriter w)
    {
        if (result.SilentWorkloads.Count == 0)
        {
            w.WriteLine("Workloads with no flow: none");
            w.WriteLine();
            return;
        }

        w.WriteLine("Workloads with no flow in the window:");
        foreach (var s in result.SilentWorkloads)
        {
            w.WriteLine(s.RunsOccasionally ? $"  {s.Name} (a {s.Kind}: it may not have run in the window)" : $"  {s.Name}");
        }

        w.WriteLine($"  caution: {Caution}");
        w.WriteLine();
    }

    private static void WriteUnknown(AuditResult result, TextWriter w)
    {
        if (result.Unknown.Count == 0)
        {
            return;
        }

        w.WriteLine("Unknown endpoints (their flows were not evaluated):");
        var width = result.Unknown.Max(u => Plural(u.Flows, "flow").Length);
        foreach (var u in result.Unknown)
        {
            w.WriteLine($"  {Plural(u.Flows, "flow").PadLeft(width)}  {u.Endpoint}: {u.Reason}");
        }

        w.WriteLine();
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Plural(long n, string one, string? many = null) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many ?? one + "s")}";
}
