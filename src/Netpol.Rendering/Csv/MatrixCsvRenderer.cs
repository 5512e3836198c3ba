using Netpol.Analysis.Matrix;

namespace Netpol.Rendering.Csv;

/// <summary>Writes the matrix as CSV: <c>from,to,port,protocol,allowed,ports</c>, one line per cell.</summary>
public static class MatrixCsvRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(MatrixResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        w.WriteLine("from,to,port,protocol,allowed,partial,ports");
        foreach (var c in result.Cells)
        {
            var port = c.Probe?.Port.ToString() ?? string.Empty;
            var proto = c.Probe?.Protocol.ToString() ?? string.Empty;
            var ports = c.Ports.ToString();
            w.WriteLine($"{c.From},{c.To},{port},{proto},{(c.Unsupported is not null ? "unsupported" : c.Allowed ? "true" : "false")},{(c.Partial ? "true" : "false")},\"{ports}\"");
        }
    }
}
