using System.Globalization;
using Netpol.Analysis.Check;
using Netpol.Lab.Probing;
using Netpol.Rendering.Text;

namespace Netpol.Lab.Rendering;

/// <summary>
/// Writes a lab probe for people: the observed matrix as <c>netpol matrix</c> draws it, then either the line saying
/// that kernel and engine agree, or every disagreement with the engine's reasoning and the nft rules involved.
/// </summary>
public static class LabTextRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(LabProbeResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine("observed on the kernel:");
        MatrixTableRenderer.Write(result.Observed, w);
        WriteComparison(result, w);
    }

    /// <summary>Writes the comparison alone (after a matrix written in another format, to standard error).</summary>
    public static void WriteComparison(LabProbeResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine();
        var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var unsupported = result.Unsupported == 0 ? string.Empty : $"; {result.Unsupported} could not be made ({Reasons(result)})";
        if (result.Agree)
        {
            w.WriteLine($"kernel and engine agree on every probe: {result.Attempts} connection attempts in {seconds} s{unsupported}");
            return;
        }

        w.WriteLine($"kernel and engine DISAGREE on {result.Disagreements.Count} probe{(result.Disagreements.Count == 1 ? string.Empty : "s")} ({result.Attempts} connection attempts in {seconds} s{unsupported}):");
        foreach (var d in result.Disagreements)
        {
            w.WriteLine();
            w.WriteLine($"{d.From} -> {d.To} on {d.Probe}: kernel {(d.EngineAllowed ? "denied" : "allowed")} ({d.Observed.Detail}), engine {(d.EngineAllowed ? "allowed" : "denied")}");
            CheckTextRenderer.WriteCase(new CheckCase(null, null, d.Explanation), w);
            WriteRules("nft rules for the egress of " + d.From, d.EgressRules, w);
            WriteRules("nft rules for the ingress of " + d.To, d.IngressRules, w);
        }
    }

    private static string Reasons(LabProbeResult result) =>
        string.Join("; ", result.Observed.Cells.Select(c => c.Unsupported).OfType<string>().Distinct());

    private static void WriteRules(string title, IReadOnlyList<string> rules, TextWriter w)
    {
        if (rules.Count == 0)
        {
            w.WriteLine($"  {title}: none (not isolated: the forward chain accepts)");
            return;
        }

        w.WriteLine($"  {title}:");
        foreach (var r in rules)
        {
            w.WriteLine($"    {r}");
        }
    }
}
