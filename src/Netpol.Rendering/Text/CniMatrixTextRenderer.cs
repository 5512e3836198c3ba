using Netpol.Analysis.Cni;

namespace Netpol.Rendering.Text;

/// <summary>
/// Writes <c>netpol matrix --cni all</c>: one line per connection the profiles disagree on, a column per profile,
/// then each differing profile's reasons with their sources.
/// </summary>
public static class CniMatrixTextRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(CniMatrixResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine($"network plugin profiles: {string.Join(", ", result.Profiles)}");
        if (result.Differences.Count == 0)
        {
            w.WriteLine($"no differences: every profile gives the same verdicts on all {result.Pairs} pairs");
            return;
        }

        w.WriteLine($"{result.Differences.Count} verdict(s) differ between profiles ({result.Pairs} pairs compared)");
        w.WriteLine();
        var rows = result.Differences.Select(d => (
            Pair: $"{d.From} -> {d.To}",
            Port: MatrixTableRenderer.Label(d.Probe),
            Cells: d.Verdicts.Select(v => CniText.Verdict(v, d.Probe)).ToList())).ToList();
        var pairWidth = Math.Max("connection".Length, rows.Max(r => r.Pair.Length));
        var portWidth = Math.Max("port".Length, rows.Max(r => r.Port.Length));
        var widths = result.Profiles.Select((p, i) => Math.Max(p.Length, rows.Max(r => r.Cells[i].Length))).ToList();
        w.WriteLine(Line("connection".PadRight(pairWidth), "port".PadRight(portWidth), result.Profiles, widths));
        for (var k = 0; k < rows.Count; k++)
        {
            var (pair, port, cells) = rows[k];
            w.WriteLine(Line(pair.PadRight(pairWidth), port.PadRight(portWidth), cells, widths));
            foreach (var v in result.Differences[k].Verdicts)
            {
                foreach (var r in v.Reasons)
                {
                    w.WriteLine($"    {v.Profile}: {CniText.Reason(r)}");
                }
            }
        }
    }

    private static string Line(string pair, string port, IReadOnlyList<string> cells, List<int> widths) =>
        $"{pair}  {port}  {string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i])))}".TrimEnd();
}
