using Netpol.Lab.Probing;
using Netpol.Rendering.Json;

namespace Netpol.Lab.Rendering;

/// <summary>
/// Writes a lab probe as the JSON of <c>netpol matrix -o json</c> (the observed verdicts in <c>cells</c>; a cell
/// that could not be probed has <c>"allowed": null</c> and <c>unsupported</c>), plus <c>agree</c>,
/// <c>disagreements</c> (each with the engine's explanation and the nft rules) and <c>stats</c>.
/// </summary>
public static class LabJsonRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(LabProbeResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        MatrixJsonRenderer.Write(result.Observed, w, j =>
        {
            j.WriteBoolean("agree", result.Agree);
            j.WriteStartArray("disagreements");
            foreach (var d in result.Disagreements)
            {
                j.WriteStartObject();
                j.WriteString("from", d.From);
                j.WriteString("to", d.To);
                j.WriteNumber("port", d.Probe.Port);
                j.WriteString("protocol", d.Probe.Protocol.ToString());
                j.WriteBoolean("kernelAllowed", !d.EngineAllowed);
                j.WriteBoolean("engineAllowed", d.EngineAllowed);
                j.WriteString("observed", d.Observed.Detail);
                j.WritePropertyName("explanation");
                CheckJsonRenderer.WritePair(j, d.Explanation, null);
                j.WriteStartArray("egressRules");
                foreach (var r in d.EgressRules)
                {
                    j.WriteStringValue(r);
                }

                j.WriteEndArray();
                j.WriteStartArray("ingressRules");
                foreach (var r in d.IngressRules)
                {
                    j.WriteStringValue(r);
                }

                j.WriteEndArray();
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartObject("stats");
            j.WriteNumber("attempts", result.Attempts);
            j.WriteNumber("unsupported", result.Unsupported);
            j.WriteNumber("retried", result.Retried);
            j.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 2));
            j.WriteEndObject();
        });
    }
}
