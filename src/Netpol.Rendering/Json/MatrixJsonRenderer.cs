using System.Text.Json;
using Netpol.Analysis.Matrix;

namespace Netpol.Rendering.Json;

/// <summary>
/// Writes the matrix as <c>{"cells":[{"from":"x/a","to":"y/b","port":80,"protocol":"TCP","allowed":true}, ...]}</c>;
/// without probes each cell has <c>ports</c> (the allowed ports) instead of port and protocol. Under a network plugin
/// profile (<c>--cni</c>) there is a top-level <c>cni</c> and <c>differences</c>, and cells that differ from portable
/// add <c>portableAllowed</c> (and <c>portablePorts</c>) and <c>reasons</c>; the other fields keep their meaning.
/// </summary>
public static class MatrixJsonRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(MatrixResult result, TextWriter w) => Write(result, w, null);

    /// <summary>Writes the result, then lets the caller add top-level properties (as <c>netpol lab</c> does).</summary>
    public static void Write(MatrixResult result, TextWriter w, Action<Utf8JsonWriter>? extra)
    {
        ArgumentNullException.ThrowIfNull(result);
        JsonOutput.Write(w, j =>
        {
            j.WriteStartObject();
            if (result.Cni is { } cni)
            {
                j.WriteString("cni", cni);
            }

            j.WriteStartArray("endpoints");
            foreach (var e in result.Endpoints)
            {
                j.WriteStringValue(e.Name);
            }

            j.WriteEndArray();
            j.WriteStartArray("cells");
            foreach (var c in result.Cells)
            {
                j.WriteStartObject();
                j.WriteString("from", c.From);
                j.WriteString("to", c.To);
                if (c.Probe is { } p)
                {
                    j.WriteNumber("port", p.Port);
                    j.WriteString("protocol", p.Protocol.ToString());
                }

                if (c.Unsupported is { } why)
                {
                    j.WriteNull("allowed");
                    j.WriteString("unsupported", why);
                }
                else
                {
                    j.WriteBoolean("allowed", c.Allowed);
                }

                if (c.Partial)
                {
                    j.WriteBoolean("partial", true);
                }

                if (c.Probe is null)
                {
                    j.WriteStartArray("ports");
                    foreach (var r in c.Ports.Ranges)
                    {
                        j.WriteStringValue(r.ToString());
                    }

                    j.WriteEndArray();
                }

                if (c.PortableAllowed is { } portable)
                {
                    j.WriteBoolean("portableAllowed", portable);
                    if (c.Probe is null)
                    {
                        j.WriteString("portablePorts", c.PortablePorts!.ToString());
                    }

                    CniJson.WriteReasons(j, c.CniReasons);
                }

                j.WriteEndObject();
            }

            j.WriteEndArray();
            if (result.Cni is not null)
            {
                j.WriteStartArray("differences");
                foreach (var d in result.Differences)
                {
                    CniJson.WriteDifference(j, d);
                }

                j.WriteEndArray();
            }

            if (result.UndefinedOrders.Count > 0)
            {
                // Only when the input has such a pair: other output is unchanged.
                j.WriteStartArray("undefinedOrderNotes");
                foreach (var u in result.UndefinedOrders)
                {
                    j.WriteStringValue(u);
                }

                j.WriteEndArray();
            }

            extra?.Invoke(j);
            j.WriteEndObject();
        });
    }

    /// <summary>Writes the summary as JSON.</summary>
    public static void WriteSummary(MatrixSummary s, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(s);
        JsonOutput.Write(w, j =>
        {
            j.WriteStartObject();
            j.WriteNumber("pods", s.Pods);
            j.WriteNumber("namespaces", s.Namespaces);
            j.WriteNumber("policies", s.Policies);
            j.WriteNumber("endpointClasses", s.EndpointClasses);
            j.WriteNumber("allowedPairs", s.AllowedPairs);
            j.WriteStartArray("probes");
            foreach (var (probe, count) in s.PerProbe)
            {
                j.WriteStartObject();
                j.WriteNumber("port", probe.Port);
                j.WriteString("protocol", probe.Protocol.ToString());
                j.WriteNumber("allowedPairs", count);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        });
    }
}
