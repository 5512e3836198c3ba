using Netpol.Analysis.Matrix;

namespace Netpol.Rendering.Csv;

/// <summary>
/// Writes the matrix as CSV: <c>from,to,port,protocol,allowed,ports</c>, one line per cell; under a network plugin
/// profile (<c>--cni</c>) two more columns: <c>portable_allowed</c> (where it differs) and <c>cni_reasons</c>.
/// </summary>
public static class MatrixCsvRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(MatrixResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        var cni = result.Cni is not null;
        w.WriteLine(cni ? "from,to,port,protocol,allowed,partial,ports,portable_allowed,cni_reasons" : "from,to,port,protocol,allowed,partial,ports");
        foreach (var c in result.Cells)
        {
            var port = c.Probe?.Port.ToString() ?? string.Empty;
            var proto = c.Probe?.Protocol.ToString() ?? string.Empty;
            var ports = c.Ports.ToString();
            var line = $"{c.From},{c.To},{port},{proto},{(c.Unsupported is not null ? "unsupported" : c.Allowed ? "true" : "false")},{(c.Partial ? "true" : "false")},\"{ports}\"";
            if (cni)
            {
                var portable = c.PortableAllowed is { } a ? (a ? "true" : "false") : string.Empty;
                line += $",{portable},\"{string.Join("; ", c.CniReasons.Select(r => r.Reason)).Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            }

            w.WriteLine(line);
        }
    }
}
