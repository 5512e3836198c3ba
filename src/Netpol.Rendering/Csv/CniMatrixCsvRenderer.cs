using Netpol.Analysis.Cni;

namespace Netpol.Rendering.Csv;

/// <summary>
/// Writes <c>netpol matrix --cni all</c> as CSV: <c>from,to,port,protocol</c>, one column per profile (true/false,
/// or the allowed ports without a probe) and the reasons, one line per difference.
/// </summary>
public static class CniMatrixCsvRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(CniMatrixResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine($"from,to,port,protocol,{string.Join(",", result.Profiles)},reasons");
        foreach (var d in result.Differences)
        {
            var cells = d.Verdicts.Select(v => d.Probe is null ? $"\"{v.Ports}\"" : v.Allowed ? "true" : "false");
            var why = string.Join("; ", d.Verdicts.SelectMany(v => v.Reasons.Select(r => $"{v.Profile}: {r.Reason}")));
            w.WriteLine($"{d.From},{d.To},{d.Probe?.Port.ToString() ?? string.Empty},{d.Probe?.Protocol.ToString() ?? string.Empty},{string.Join(",", cells)},\"{why.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
        }
    }
}
