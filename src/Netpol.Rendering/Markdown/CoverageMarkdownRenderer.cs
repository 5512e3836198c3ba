using System.Globalization;
using Netpol.Analysis.Coverage;
using Netpol.Analysis.Matrix;
using Netpol.Core.Model;

namespace Netpol.Rendering.Markdown;

/// <summary>Writes coverage as Markdown tables (totals, namespaces, pods or workloads), for pull requests and docs.</summary>
public static class CoverageMarkdownRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(CoverageResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        var s = result.Summary;
        w.WriteLine("### NetworkPolicy coverage");
        w.WriteLine();
        w.WriteLine("| direction | pods | isolated | percent |");
        w.WriteLine("|---|---:|---:|---:|");
        foreach (var d in new[] { Direction.Ingress, Direction.Egress })
        {
            w.WriteLine($"| {Word(d)} | {s.Pods} | {s.Isolated(d)} | {Percent(s.PercentOf(d))} |");
        }

        w.WriteLine();
        w.WriteLine($"Fully open pods (isolated in neither direction): {s.Open}, of which hostNetwork: {s.HostNetwork} (NetworkPolicy does not apply to hostNetwork pods).");
        w.WriteLine();
        w.WriteLine("### Namespaces");
        w.WriteLine();
        w.WriteLine("| namespace | pods | ingress | egress | default deny ingress | default deny egress | policies |");
        w.WriteLine("|---|---:|---:|---:|---|---|---|");
        foreach (var n in result.Namespaces)
        {
            w.WriteLine($"| {Escape(n.Name)} | {n.Counts.Pods} | {Percent(n.Counts.IngressPercent)} | {Percent(n.Counts.EgressPercent)} | {DefaultDeny(n, Direction.Ingress)} | {DefaultDeny(n, Direction.Egress)} | {List(n.Policies)} |");
        }

        w.WriteLine();
        if (result.Tiered)
        {
            w.WriteLine("### Cluster network policy tiers");
            w.WriteLine();
            w.WriteLine("| namespace | pods | admin ingress | admin egress | baseline ingress | baseline egress | protected by baseline ingress | protected by baseline egress | catch-all ingress | catch-all egress |");
            w.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var n in result.Namespaces.Append(null))
            {
                var (name, c) = n is null ? ("**total**", result.Summary) : (Escape(n.Name), n.Counts);
                var t = c.Tiers;
                w.WriteLine($"| {name} | {c.Pods} | {t.AdminIngress} | {t.AdminEgress} | {t.BaselineIngress} | {t.BaselineEgress} | {t.ProtectedByBaselineIngress} | {t.ProtectedByBaselineEgress} | {t.CatchAllIngress} | {t.CatchAllEgress} |");
            }

            w.WriteLine();
        }

        if (result.Cni is not null)
        {
            w.WriteLine($"### Network plugin {result.Cni}");
            w.WriteLine();
            foreach (var line in Text.CoverageTextRenderer.CniLines(result))
            {
                w.WriteLine(line.StartsWith("  ", StringComparison.Ordinal) ? $"- {Escape(line.Trim())}" : Escape(line));
            }

            w.WriteLine();
        }

        var workload = result.By == Grouping.Workload;
        w.WriteLine(workload ? "### Workloads" : "### Pods");
        w.WriteLine();
        w.WriteLine(workload ? "| workload | pods | ingress | egress |" : "| pod | ingress | egress |");
        w.WriteLine(workload ? "|---|---:|---|---|" : "|---|---|---|");
        foreach (var e in result.Entries)
        {
            var pods = workload ? $" {e.Pods} |" : string.Empty;
            w.WriteLine($"| {Escape(e.Name)} |{pods} {Isolation(e, Direction.Ingress)} | {Isolation(e, Direction.Egress)} |");
        }

        w.WriteLine();
        w.WriteLine("Default deny: a policy of the namespace with `podSelector: {}` affects the direction, isolating every pod, present and future. Percentages are rounded down to one decimal.");
    }

    private static string Isolation(CoverageEntry e, Direction d)
    {
        if (e.IsolatedPods(d) == 0)
        {
            return e.HostNetwork ? "❌ open (hostNetwork)" : "❌ open";
        }

        var policies = List(e.Policies(d));
        return e.IsPartial(d) ? $"⚠️ {e.IsolatedPods(d)} of {e.Pods} pods: {policies}" : $"✅ {policies}";
    }

    private static string DefaultDeny(CoverageNamespace n, Direction d) =>
        n.HasDefaultDeny(d) ? $"✅ {List(n.DefaultDenyPolicies(d))}" : "❌";

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "-" : Escape(string.Join(", ", items));

    private static string Percent(double? percent) => percent is { } p ? p.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Word(Direction d) => d == Direction.Ingress ? "ingress" : "egress";
}
