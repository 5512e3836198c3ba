using Netpol.Analysis.Cni;
using Netpol.Rendering.Text;

namespace Netpol.Rendering.Markdown;

/// <summary>Writes <c>netpol matrix --cni all</c> as a Markdown table: a column per profile and the reasons.</summary>
public static class CniMatrixMarkdownRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(CniMatrixResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine("### Verdicts that differ between network plugins");
        w.WriteLine();
        if (result.Differences.Count == 0)
        {
            w.WriteLine($"None: every profile ({string.Join(", ", result.Profiles)}) gives the same verdicts on all {result.Pairs} pairs.");
            return;
        }

        w.WriteLine($"| from | to | port | {string.Join(" | ", result.Profiles)} | why |");
        w.WriteLine("|---|---|---|" + string.Concat(result.Profiles.Select(_ => "---|")) + "---|");
        foreach (var d in result.Differences)
        {
            var cells = d.Verdicts.Select(v => d.Probe is null ? Escape(CniText.Verdict(v, null)) : v.Allowed ? "✅" : "❌");
            var why = d.Verdicts.SelectMany(v => v.Reasons.Select(r => $"{v.Profile}: {r.Reason} ([{r.Evidence.ToString().ToLowerInvariant()}]({r.Source}))"));
            w.WriteLine($"| {Escape(d.From)} | {Escape(d.To)} | {MatrixTableRenderer.Label(d.Probe)} | {string.Join(" | ", cells)} | {Escape(string.Join("<br>", why))} |");
        }
    }

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
