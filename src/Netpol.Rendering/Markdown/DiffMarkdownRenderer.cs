using Netpol.Analysis.Diff;
using Netpol.Analysis.Matrix;
using Netpol.Rendering.Text;

namespace Netpol.Rendering.Markdown;

/// <summary>
/// Writes a diff as a pull-request comment: a one-line verdict, then tables of lost and gained connections (with the
/// tier rules that decided them, when either side has cluster network policies), changed cluster network policies,
/// changed policies and endpoints present on one side only. Tables longer than <see cref="CollapseAbove"/> rows are folded
/// into <c>&lt;details&gt;</c> so that a large change does not bury the conversation, and stop after
/// <see cref="MaxRows"/> rows with a count of the rest, so that the comment stays within what code hosts accept.
/// </summary>
public static class DiffMarkdownRenderer
{
    /// <summary>Tables with more rows than this are collapsed.</summary>
    public const int CollapseAbove = 10;

    /// <summary>Rows shown per table at most; the text and JSON outputs list everything.</summary>
    public const int MaxRows = 200;

    /// <summary>Writes the result.</summary>
    public static void Write(DiffResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine("### NetworkPolicy diff");
        w.WriteLine();
        var verdict = result.NothingLost ? "✅ No connection lost" : $"❌ **{Count(result.Lost.Count, "connection", "connections")} lost**";
        var policies = Count(result.Policies.Count, "policy", "policies");
        w.WriteLine($"{verdict}, {result.Gained.Count} gained; {policies} changed{DiffTierText.SummarySuffix(result)}.");
        if (result.Cni is { } cni)
        {
            w.WriteLine();
            var ignoring = result.IgnoredClusterPolicies.Count == 0
                ? string.Empty
                : $" It ignores {string.Join(", ", result.IgnoredClusterPolicies.Select(n => $"`{n}`"))}: their changes change no connection here.";
            w.WriteLine($"Compared as **{cni.Title}** enforces both sides (`--cni {cni.Name}`).{ignoring}");
        }

        Connections(w, "Lost connections", ("lost connection", "lost connections"), result.Lost, result.Tiered);
        Connections(w, "Gained connections", ("gained connection", "gained connections"), result.Gained, result.Tiered);

        var cp = result.ClusterPolicies;
        var clusterRows = cp.Added.Select(n => $"| `{n}` | added | |")
            .Concat(cp.Removed.Select(n => $"| `{n}` | removed | |"))
            .Concat(cp.Modified.Select(m => $"| `{m.Name}` | modified | {string.Join("<br>", m.Changes.Select(c => Cell(DiffTierText.Change(c))))} |"))
            .ToList();
        Table(w, "Changed cluster network policies", ("changed cluster network policy", "changed cluster network policies"), ["| cluster policy | change | what changed |", "|---|---|---|"], clusterRows);

        var p = result.Policies;
        var changed = p.Added.Select(n => $"| `{n}` | added | |")
            .Concat(p.Removed.Select(n => $"| `{n}` | removed | |"))
            .Concat(p.Modified.Select(m => $"| `{m.Name}` | modified | {string.Join(", ", m.Fields.Select(f => $"`{f}`"))} |"))
            .ToList();
        Table(w, "Changed policies", ("changed policy", "changed policies"), ["| policy | change | fields |", "|---|---|---|"], changed);

        var noun = result.By == Grouping.Workload ? "workload" : "pod";
        var e = result.Endpoints;
        var endpoints = e.Added.Select(n => $"| `{n}` | only in head |")
            .Concat(e.Removed.Select(n => $"| `{n}` | only in base |"))
            .ToList();
        Table(w, $"{Capitalized(noun)}s on one side only (not compared)", ($"{noun} on one side only", $"{noun}s on one side only"), [$"| {noun} | |", "|---|---|"], endpoints);
        w.WriteLine();
        var ports = result.By == Grouping.Workload
            ? "Ports of a connection are those allowed from every pod of the source workload to every pod of the destination."
            : "Ports of a connection are those allowed from the source pod to the destination pod.";
        w.WriteLine($"<sub>{ports} Policies are compared by meaning, not text.</sub>");
    }

    private static void Connections(TextWriter w, string title, (string One, string Many) noun, IReadOnlyList<ConnectionChange> changes, bool tiered)
    {
        if (!tiered)
        {
            var rows = changes.Select(c => $"| `{c.From}` | `{c.To}` | {PortText.Line(c.Ports)} |").ToList();
            Table(w, title, noun, ["| from | to | ports |", "|---|---|---|"], rows);
            return;
        }

        var tieredRows = changes.Select(c => $"| `{c.From}` | `{c.To}` | {PortText.Line(c.Ports)} |{string.Concat(c.TierRules.Select((t, i) => (i == 0 ? " " : "<br>") + Cell(DiffTierText.Cause(t))))} |").ToList();
        Table(w, title, noun, ["| from | to | ports | tier rules |", "|---|---|---|---|"], tieredRows);
    }

    // Table cells cannot hold a pipe; selectors and rule names never need one, but a value may.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static void Table(TextWriter w, string title, (string One, string Many) noun, string[] header, List<string> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine($"#### {title}");
        w.WriteLine();
        var collapse = rows.Count > CollapseAbove;
        if (collapse)
        {
            w.WriteLine($"<details><summary>{Count(rows.Count, noun.One, noun.Many)}</summary>");
            w.WriteLine();
        }

        foreach (var row in header.Concat(rows.Take(MaxRows)))
        {
            w.WriteLine(row);
        }

        if (rows.Count > MaxRows)
        {
            w.WriteLine();
            w.WriteLine($"… and {rows.Count - MaxRows} more: `netpol diff -o text` or `-o json` lists them all.");
        }

        if (collapse)
        {
            w.WriteLine();
            w.WriteLine("</details>");
        }
    }

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    private static string Capitalized(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
