using Netpol.Analysis.Matrix;
using Netpol.Core.Engine;

namespace Netpol.Rendering.Markdown;

/// <summary>Writes the matrix as Markdown tables (one per probe), for pull requests and docs.</summary>
public static class MatrixMarkdownRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(MatrixResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        var names = result.Endpoints.Select(e => e.Name).ToList();
        var cells = result.Cells.ToDictionary(c => (c.From, c.To, c.Probe));
        var probes = result.Probes.Count == 0 ? [null] : result.Probes.Select(p => (Probe?)p).ToList();
        foreach (var probe in probes)
        {
            w.WriteLine($"### {(probe is { } p ? $"{p.Port}/{p.Protocol}" : "any port")}");
            w.WriteLine();
            w.WriteLine("| from \\ to | " + string.Join(" | ", names.Select(Escape)) + " |");
            w.WriteLine("|---|" + string.Concat(names.Select(_ => "---|")));
            foreach (var from in names)
            {
                var marks = names.Select(to =>
                {
                    var c = cells[(from, to, probe)];
                    var mark = c.Unsupported is not null ? "❔" : c.Allowed ? "✅" : c.Partial ? "⚠️" : "❌";
                    mark = c.PortableAllowed is null ? mark : mark + "*";
                    return probe is null && c.Allowed && !c.Ports.IsAll ? $"{mark} {c.Ports}" : mark;
                });
                w.WriteLine($"| **{Escape(from)}** | " + string.Join(" | ", marks) + " |");
            }

            w.WriteLine();
        }

        foreach (var u in result.UndefinedOrders)
        {
            w.WriteLine($"> **Undefined order:** {Escape(u)} ({Text.UndefinedOrderText.Applied})");
            w.WriteLine();
        }

        if (result.Cni is { } cni && result.Differences.Count > 0)
        {
            w.WriteLine($"\\* differs from portable under {cni}:");
            w.WriteLine();
            foreach (var d in result.Differences)
            {
                var verdicts = string.Join(", ", d.Verdicts.Reverse().Select(v => $"{v.Profile} {Text.CniText.Verdict(v, d.Probe)}"));
                var why = string.Join("; ", d.Verdicts.SelectMany(v => v.Reasons).Select(r => $"{r.Reason} ([{r.Evidence.ToString().ToLowerInvariant()}]({r.Source}))"));
                w.WriteLine($"- {Escape(d.From)} → {Escape(d.To)} {Text.MatrixTableRenderer.Label(d.Probe)}: {verdicts}: {why}");
            }

            w.WriteLine();
        }
    }

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
