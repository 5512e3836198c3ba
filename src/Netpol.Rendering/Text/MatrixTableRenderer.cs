using Netpol.Analysis.Matrix;
using Netpol.Core.Engine;

namespace Netpol.Rendering.Text;

/// <summary>
/// Writes the familiar truth table: sources as rows, destinations as columns, <c>.</c> allowed, <c>X</c> denied,
/// <c>~</c> some pod pairs of a workload allowed. Wide tables number their columns and print a key. Under a network
/// plugin profile (<c>--cni</c>), a <c>*</c> marks cells that differ from portable, listed with reasons after the legend.
/// </summary>
public static class MatrixTableRenderer
{
    private const int MaxWidth = 120;

    /// <summary>Writes the result.</summary>
    public static void Write(MatrixResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        var names = result.Endpoints.Select(e => e.Name).ToList();
        var cells = result.Cells.ToLookup(c => c.Probe);
        var probes = result.Probes.Count == 0 ? [null] : result.Probes.Select(p => (Probe?)p).ToList();
        if (result.Cni is { } cni)
        {
            w.WriteLine($"network plugin: {cni}");
        }

        var first = true;
        foreach (var probe in probes)
        {
            if (!first)
            {
                w.WriteLine();
            }

            first = false;
            w.WriteLine(probe is { } p ? $"{p.Port}/{p.Protocol}" : "any port");
            Table(names, cells[probe].ToDictionary(c => (c.From, c.To)), result.Differences.Count > 0, w);
        }

        if (result.Probes.Count == 0)
        {
            var restricted = result.Cells.Where(c => c.Allowed && !c.Ports.IsAll).ToList();
            if (restricted.Count > 0)
            {
                w.WriteLine();
                w.WriteLine("allowed ports (where not every port):");
                foreach (var c in restricted)
                {
                    w.WriteLine($"  {c.From} -> {c.To}: {c.Ports}");
                }
            }
        }

        w.WriteLine();
        var legend = result.Cells.Any(c => c.Unsupported is not null)
            ? "legend: . allowed, X denied, ~ allowed for some pods of the workload, ? could not be probed"
            : "legend: . allowed, X denied, ~ allowed for some pods of the workload";
        w.WriteLine(result.Differences.Count > 0 ? $"{legend}, * differs from portable" : legend);
        WriteDifferences(result, w);
        foreach (var u in result.UndefinedOrders)
        {
            w.WriteLine(UndefinedOrderText.Note(u));
        }
    }

    private static void WriteDifferences(MatrixResult result, TextWriter w)
    {
        if (result.Cni is not { } cni)
        {
            return;
        }

        w.WriteLine();
        if (result.Differences.Count == 0)
        {
            w.WriteLine($"no verdict differs from portable under {cni}");
            return;
        }

        w.WriteLine($"differs from portable under {cni}:");
        foreach (var d in result.Differences)
        {
            var verdicts = string.Join(", ", d.Verdicts.Reverse().Select(v => $"{v.Profile} {CniText.Verdict(v, d.Probe)}"));
            w.WriteLine($"  {d.From} -> {d.To} {Label(d.Probe)}: {verdicts}");
            foreach (var r in d.Verdicts.SelectMany(v => v.Reasons))
            {
                w.WriteLine($"    {CniText.Reason(r)}");
            }
        }
    }

    private static void Table(List<string> names, Dictionary<(string From, string To), MatrixCell> cells, bool marked, TextWriter w)
    {
        var rowWidth = names.Count == 0 ? 4 : names.Max(n => n.Length);
        var colWidth = names.Count == 0 ? 1 : names.Max(n => n.Length);
        var numbered = rowWidth + ((colWidth + 1) * names.Count) > MaxWidth;
        var headers = numbered ? names.Select((_, i) => (i + 1).ToString()).ToList() : names;
        var width = Math.Max(marked ? 2 : 1, headers.Count == 0 ? 1 : headers.Max(h => h.Length));
        var rowLabels = numbered ? names.Select((n, i) => $"{i + 1,3} {n}").ToList() : names;
        rowWidth = rowLabels.Count == 0 ? 4 : rowLabels.Max(n => n.Length);
        w.Write(new string(' ', rowWidth));
        foreach (var h in headers)
        {
            w.Write(' ');
            w.Write(h.PadRight(width));
        }

        w.WriteLine();
        for (var r = 0; r < names.Count; r++)
        {
            w.Write(rowLabels[r].PadRight(rowWidth));
            foreach (var to in names)
            {
                var c = cells[(names[r], to)];
                var mark = c.Unsupported is not null ? "?" : c.Allowed ? "." : c.Partial ? "~" : "X";
                if (c.PortableAllowed is not null)
                {
                    mark += "*";
                }

                w.Write(' ');
                w.Write(mark.PadRight(width));
            }

            w.WriteLine();
        }
    }

    /// <summary>Writes the summary counts, one per line.</summary>
    public static void WriteSummary(MatrixSummary s, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine($"pods: {s.Pods}");
        w.WriteLine($"namespaces: {s.Namespaces}");
        w.WriteLine($"policies: {s.Policies}");
        w.WriteLine($"endpoint classes: {s.EndpointClasses}");
        w.WriteLine($"allowed pod pairs (any port): {s.AllowedPairs}");
        foreach (var (probe, count) in s.PerProbe)
        {
            w.WriteLine($"allowed pod pairs on {probe}: {count}");
        }
    }

    /// <summary>The probe label used by every text format.</summary>
    public static string Label(Probe? probe) => probe is { } p ? $"{p.Port}/{p.Protocol}" : "any";
}
