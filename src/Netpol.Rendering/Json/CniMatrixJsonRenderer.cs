using Netpol.Analysis.Cni;

namespace Netpol.Rendering.Json;

/// <summary>
/// Writes <c>netpol matrix --cni all</c> as
/// <c>{"profiles":[..],"pairs":N,"differences":[{"from":..,"to":..,"port":..,"protocol":..,"verdicts":[..]}]}</c>.
/// </summary>
public static class CniMatrixJsonRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(CniMatrixResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        JsonOutput.Write(w, j =>
        {
            j.WriteStartObject();
            j.WriteStartArray("profiles");
            foreach (var p in result.Profiles)
            {
                j.WriteStringValue(p);
            }

            j.WriteEndArray();
            j.WriteNumber("pairs", result.Pairs);
            j.WriteStartArray("differences");
            foreach (var d in result.Differences)
            {
                CniJson.WriteDifference(j, d);
            }

            j.WriteEndArray();
            j.WriteEndObject();
        });
    }
}
