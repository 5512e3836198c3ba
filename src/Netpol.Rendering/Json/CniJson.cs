using System.Text.Json;
using Netpol.Analysis.Cni;
using Netpol.Core.Profiles;

namespace Netpol.Rendering.Json;

/// <summary>The JSON shapes of network plugin profile verdicts, shared by check and matrix.</summary>
internal static class CniJson
{
    /// <summary>
    /// <c>{"from":..,"to":..,"port":..,"protocol":..,"verdicts":[..]}</c> (port and protocol only with a probe).
    /// </summary>
    public static void WriteDifference(Utf8JsonWriter j, CniDifference d)
    {
        j.WriteStartObject();
        j.WriteString("from", d.From);
        j.WriteString("to", d.To);
        if (d.Probe is { } p)
        {
            j.WriteNumber("port", p.Port);
            j.WriteString("protocol", p.Protocol.ToString());
        }

        WriteVerdicts(j, "verdicts", d.Verdicts, d.Probe is null);
        j.WriteEndObject();
    }

    /// <summary><c>[{"profile":"cilium","allowed":false,"reasons":[..]}, ..]</c>, with <c>ports</c> when asked.</summary>
    public static void WriteVerdicts(Utf8JsonWriter j, string name, IReadOnlyList<CniVerdict> verdicts, bool ports)
    {
        j.WriteStartArray(name);
        foreach (var v in verdicts)
        {
            j.WriteStartObject();
            j.WriteString("profile", v.Profile);
            j.WriteBoolean("allowed", v.Allowed);
            if (ports)
            {
                j.WriteString("ports", v.Ports.ToString());
            }

            WriteReasons(j, v.Reasons);
            j.WriteEndObject();
        }

        j.WriteEndArray();
    }

    /// <summary><c>"reasons":[{"behaviour":..,"reason":..,"evidence":"documented","source":"https://.."}]</c>.</summary>
    public static void WriteReasons(Utf8JsonWriter j, IReadOnlyList<ProfileEvidence> reasons)
    {
        j.WriteStartArray("reasons");
        foreach (var r in reasons)
        {
            j.WriteStartObject();
            j.WriteString("behaviour", Behaviour(r.Behaviour));
            j.WriteString("reason", r.Reason);
            j.WriteString("evidence", r.Evidence.ToString().ToLowerInvariant());
            j.WriteString("source", r.Source);
            j.WriteEndObject();
        }

        j.WriteEndArray();
    }

    /// <summary>A behaviour as a JSON name: <c>ipBlockIgnoresPodIPs</c>.</summary>
    public static string Behaviour(CniBehaviour b)
    {
        var s = b.ToString();
        return s.StartsWith("IPBlock", StringComparison.Ordinal) ? "ipBlock" + s["IPBlock".Length..] : char.ToLowerInvariant(s[0]) + s[1..];
    }
}
