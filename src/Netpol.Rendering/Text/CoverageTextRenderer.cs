using System.Globalization;
using Netpol.Analysis.Coverage;
using Netpol.Analysis.Matrix;
using Netpol.Core.Model;

namespace Netpol.Rendering.Text;

/// <summary>
/// Writes coverage for people: totals with bars, a table of namespaces (bars, default deny), a table of pods or
/// workloads (the policies isolating each, or <c>open</c>), the fully open ones, and what the words mean.
/// Bars are always Unicode blocks, ten cells of 10% each, rounded down, so that the output is the same everywhere.
/// </summary>
public static class CoverageTextRenderer
{
    private const int BarCells = 10;

    /// <summary>Writes the result.</summary>
    public static void Write(CoverageResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        var s = result.Summary;
        w.WriteLine($"coverage: {Count(s.Pods, "pod")} in {Count(result.Namespaces.Count, "namespace")}");
        foreach (var d in new[] { Direction.Ingress, Direction.Egress })
        {
            w.WriteLine($"  {Word(d),-13} {Bar(s.PercentOf(d))} {Percent(s.PercentOf(d)),5}  {s.Isolated(d)} of {Count(s.Pods, "pod")} isolated");
        }

        var host = s.HostNetwork == 0 ? string.Empty : $" ({s.HostNetwork} with hostNetwork: NetworkPolicy does not apply to them)";
        w.WriteLine($"  {"open",-13} {Count(s.Open, "pod")} isolated in neither direction{host}");
        var n = result.Namespaces.Count;
        w.WriteLine($"  {"default deny",-13} ingress in {result.Namespaces.Count(x => x.DefaultDenyIngress)} of {Count(n, "namespace")}, egress in {result.Namespaces.Count(x => x.DefaultDenyEgress)} of {n}");
        w.WriteLine();
        WriteNamespaces(result, w);
        w.WriteLine();
        if (result.Tiered)
        {
            WriteTiers(result, w);
            w.WriteLine();
        }

        WriteEntries(result, w);
        w.WriteLine();
        if (result.Cni is not null)
        {
            foreach (var line in CniLines(result))
            {
                w.WriteLine(line);
            }

            w.WriteLine();
        }

        var open = result.Entries.Where(e => e.Open).ToList();
        var what = result.By == Grouping.Workload ? "workloads" : "pods";
        w.WriteLine(open.Count == 0
            ? $"fully open {what} (isolated in neither direction): none"
            : $"fully open {what} (isolated in neither direction): {open.Count}");
        foreach (var e in open)
        {
            w.WriteLine($"  {e.Name}{(e.HostNetwork ? " (hostNetwork)" : string.Empty)}");
        }

        w.WriteLine();
        w.WriteLine("isolated: some policy selects the pod for that direction; open: none does, so everything is allowed that way.");
        w.WriteLine("default deny: a policy of the namespace with podSelector {} affects the direction, isolating every pod, present and future.");
        w.WriteLine("hostNetwork pods are never isolated: they count as open. Percentages are rounded down to one decimal.");
        if (result.Tiered)
        {
            w.WriteLine("tiers: pods a cluster network policy with rules for the direction selects; protected by baseline: no NetworkPolicy isolates the pod, and a Baseline Deny rule selects it.");
        }
    }

    /// <summary>The tier table: per namespace, the pods each tier selects per direction and those a Baseline Deny protects.</summary>
    private static void WriteTiers(CoverageResult result, TextWriter w)
    {
        var t = result.Summary.Tiers;
        var pods = result.Summary.Pods;
        w.WriteLine($"tiers: admin ingress {t.AdminIngress} of {Count(pods, "pod")}, admin egress {t.AdminEgress}; baseline ingress {t.BaselineIngress}, baseline egress {t.BaselineEgress}");
        w.WriteLine($"protected by baseline (no NetworkPolicy isolates them, a Baseline Deny covers them): ingress {t.ProtectedByBaselineIngress}, egress {t.ProtectedByBaselineEgress}");
        w.WriteLine($"closed by a catch-all (an Admin Deny, or a Baseline one where no NetworkPolicy isolates, of every pod and for egress every address, that nothing passes around): ingress {t.CatchAllIngress}, egress {t.CatchAllEgress}");
        var rows = result.Namespaces.Select(n => new[]
        {
            n.Name,
            n.Counts.Pods.ToString(CultureInfo.InvariantCulture),
            $"{n.Counts.Tiers.AdminIngress}/{n.Counts.Tiers.AdminEgress}",
            $"{n.Counts.Tiers.BaselineIngress}/{n.Counts.Tiers.BaselineEgress}",
            $"{n.Counts.Tiers.ProtectedByBaselineIngress}/{n.Counts.Tiers.ProtectedByBaselineEgress}",
        }).ToList();
        Table(["namespace", "pods", "admin in/out", "baseline in/out", "protected by baseline in/out"], rows, rightAligned: [1, 2, 3], w);
        var unprotected = result.Namespaces
            .Where(x => x.Counts.Pods - x.Counts.HostNetwork > 0)
            .Where(x => x.Counts.Pods - x.Counts.HostNetwork > x.Counts.IngressIsolated + x.Counts.Tiers.ProtectedByBaselineIngress)
            .Select(x => x.Name)
            .ToList();
        w.WriteLine($"with pods open for ingress (no NetworkPolicy, no baseline Deny): {(unprotected.Count == 0 ? "none" : string.Join(", ", unprotected))}");
    }

    /// <summary>
    /// With <c>--cni NAME</c>: the cluster policies the plugin ignores and why, then the entries whose protection
    /// differs from portable, each with what changes (shared with the Markdown renderer).
    /// </summary>
    public static IEnumerable<string> CniLines(CoverageResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = result.Cni ?? "portable";
        yield return result.IgnoredClusterPolicies.Count == 0
            ? $"network plugin {name}: enforces every cluster network policy of the input; NetworkPolicy isolation is the same on every plugin"
            : $"network plugin {name}: ignores {string.Join(", ", result.IgnoredClusterPolicies)}{(result.IgnoredReason.Length == 0 ? string.Empty : $" ({result.IgnoredReason})")}; the counts above are {name}'s, NetworkPolicy isolation is the same on every plugin";
        var differing = result.Entries.Where(e => e.CniDiffers).ToList();
        yield return differing.Count == 0
            ? "protection differs from portable for: none"
            : $"protection differs from portable for {differing.Count} {(result.By == Grouping.Workload ? "workload" : "pod")}{(differing.Count == 1 ? string.Empty : "s")} (portable -> {name}):";
        foreach (var e in differing)
        {
            var parts = new List<string>();
            var before = e.PortableClusterPolicies ?? [];
            if (!before.SequenceEqual(e.ClusterPolicies, StringComparer.Ordinal))
            {
                parts.Add($"cluster policies {Names(before)} -> {Names(e.ClusterPolicies)}");
            }

            if (e.PortableTiers is { } t && (t.ProtectedByBaselineIngress != e.Tiers.ProtectedByBaselineIngress || t.ProtectedByBaselineEgress != e.Tiers.ProtectedByBaselineEgress))
            {
                parts.Add($"protected by baseline in/out {t.ProtectedByBaselineIngress}/{t.ProtectedByBaselineEgress} -> {e.Tiers.ProtectedByBaselineIngress}/{e.Tiers.ProtectedByBaselineEgress}");
            }

            yield return $"  {e.Name}: {(parts.Count == 0 ? "tier counts differ" : string.Join("; ", parts))}";
        }
    }

    private static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);

    /// <summary>Writes one line per failed threshold (to standard error, where the command line puts it).</summary>
    public static void WriteThresholdFailures(CoverageResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        foreach (var t in result.Thresholds.Where(t => !t.Passed))
        {
            var option = t.Direction == Direction.Ingress ? "--min-ingress" : "--min-egress";
            w.WriteLine($"netpol: {Word(t.Direction)} coverage {Percent(t.Percent)} ({t.Isolated} of {Count(t.Pods, "pod")} isolated) is below {option} {t.Minimum.ToString(CultureInfo.InvariantCulture)}%");
        }
    }

    private static void WriteNamespaces(CoverageResult result, TextWriter w)
    {
        var rows = result.Namespaces.Select(n => new[]
        {
            n.Name,
            n.Counts.Pods.ToString(CultureInfo.InvariantCulture),
            Cell(n.Counts.IngressPercent),
            Cell(n.Counts.EgressPercent),
            DefaultDeny(n),
        }).ToList();
        Table(["namespace", "pods", "ingress", "egress", "default deny"], rows, rightAligned: [1], w);
        foreach (var d in new[] { Direction.Ingress, Direction.Egress })
        {
            var without = result.Namespaces.Where(x => !x.HasDefaultDeny(d)).Select(x => x.Name).ToList();
            w.WriteLine($"without a default deny for {Word(d)}: {(without.Count == 0 ? "none" : string.Join(", ", without))}");
        }

        foreach (var n in result.Namespaces)
        {
            foreach (var d in new[] { Direction.Ingress, Direction.Egress })
            {
                if (n.IsCoveredWithoutDefaultDeny(d))
                {
                    w.WriteLine($"note: every pod of {n.Name} is isolated for {Word(d)}, but no policy with podSelector {{}} does it: a new pod no selector matches would be open");
                }
            }
        }
    }

    private static void WriteEntries(CoverageResult result, TextWriter w)
    {
        var workload = result.By == Grouping.Workload;
        var rows = result.Entries.Select(e =>
        {
            var row = new List<string> { e.Name };
            if (workload)
            {
                row.Add(e.Pods.ToString(CultureInfo.InvariantCulture));
            }

            row.Add(Isolation(e, Direction.Ingress));
            row.Add(Isolation(e, Direction.Egress));
            return row.ToArray();
        }).ToList();
        string[] headers = workload ? ["workload", "pods", "ingress", "egress"] : ["pod", "ingress", "egress"];
        Table(headers, rows, rightAligned: workload ? [1] : [], w);
    }

    private static string Isolation(CoverageEntry e, Direction d)
    {
        if (e.IsolatedPods(d) == 0)
        {
            return e.HostNetwork ? "open (hostNetwork)" : "open";
        }

        var policies = string.Join(", ", e.Policies(d));
        return e.IsPartial(d) ? $"{e.IsolatedPods(d)} of {e.Pods} pods: {policies}" : policies;
    }

    private static string DefaultDeny(CoverageNamespace n)
    {
        var ingress = n.DefaultDenyIngressPolicies;
        var egress = n.DefaultDenyEgressPolicies;
        if (ingress.Count == 0 && egress.Count == 0)
        {
            return "none";
        }

        if (ingress.SequenceEqual(egress))
        {
            return $"ingress+egress ({string.Join(", ", ingress)})";
        }

        var parts = new List<string>();
        if (ingress.Count > 0)
        {
            parts.Add($"ingress ({string.Join(", ", ingress)})");
        }

        if (egress.Count > 0)
        {
            parts.Add($"egress ({string.Join(", ", egress)})");
        }

        return string.Join(", ", parts);
    }

    private static void Table(string[] headers, List<string[]> rows, int[] rightAligned, TextWriter w)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        WriteRow(headers, widths, rightAligned, w);
        foreach (var row in rows)
        {
            WriteRow(row, widths, rightAligned, w);
        }
    }

    private static void WriteRow(string[] cells, int[] widths, int[] rightAligned, TextWriter w)
    {
        var parts = cells.Select((c, i) => i == cells.Length - 1 && !rightAligned.Contains(i)
            ? c
            : rightAligned.Contains(i) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]));
        w.WriteLine(string.Join("  ", parts).TrimEnd());
    }

    private static string Cell(double? percent) => percent is null ? "no pods" : $"{Bar(percent)} {Percent(percent),5}";

    /// <summary>Ten cells, one per full 10%: <c>█████░░░░░</c> for 50% to 59.9%.</summary>
    private static string Bar(double? percent)
    {
        if (percent is not { } p)
        {
            return new string(' ', BarCells);
        }

        var tenths = (int)Math.Round(p * 10, MidpointRounding.AwayFromZero);
        var full = Math.Clamp(tenths / 100, 0, BarCells);
        return new string('█', full) + new string('░', BarCells - full);
    }

    private static string Percent(double? percent) => percent is { } p ? $"{Number(p)}%" : "n/a";

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? string.Empty : "s")}";

    private static string Word(Direction d) => d == Direction.Ingress ? "ingress" : "egress";
}
