using System.Text.Json;
using Netpol.Analysis.Diff;
using Netpol.Analysis.Matrix;
using Netpol.Rendering.Text;

namespace Netpol.Rendering.Json;

/// <summary>
/// Writes a diff as JSON, a contract for other tools:
/// <c>{"gained":[{"from","to","ports":[...]}],"lost":[...],"policies":{"added":[...],"removed":[...],
/// "modified":[{"name","fields":[...]}]},"endpoints":{"added":[...],"removed":[...]},"by":"workload",
/// "summary":{"gained":N,"lost":M,"policiesChanged":P}}</c>. Ports are <c>"all"</c> or ranges such as
/// <c>"8080/TCP"</c>, <c>"1-65535/UDP"</c>.
/// </summary>
public static class DiffJsonRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(DiffResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        JsonStreamOutput.Write(w, (j, flush) =>
        {
            j.WriteStartObject();
            Connections(j, "gained", result.Gained, flush);
            Connections(j, "lost", result.Lost, flush);
            j.WriteStartObject("policies");
            Strings(j, "added", result.Policies.Added);
            Strings(j, "removed", result.Policies.Removed);
            j.WriteStartArray("modified");
            foreach (var m in result.Policies.Modified)
            {
                j.WriteStartObject();
                j.WriteString("name", m.Name);
                Strings(j, "fields", m.Fields);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
            j.WriteStartObject("endpoints");
            Strings(j, "added", result.Endpoints.Added);
            Strings(j, "removed", result.Endpoints.Removed);
            j.WriteEndObject();
            j.WriteString("by", result.By == Grouping.Workload ? "workload" : "pod");
            j.WriteStartObject("summary");
            j.WriteNumber("gained", result.Gained.Count);
            j.WriteNumber("lost", result.Lost.Count);
            j.WriteNumber("policiesChanged", result.Policies.Count);
            j.WriteEndObject();
            j.WriteEndObject();
        });
    }

    private static void Connections(Utf8JsonWriter j, string name, IReadOnlyList<ConnectionChange> changes, Action flush)
    {
        j.WriteStartArray(name);
        foreach (var c in changes)
        {
            j.WriteStartObject();
            j.WriteString("from", c.From);
            j.WriteString("to", c.To);
            Strings(j, "ports", PortText.Entries(c.Ports));
            j.WriteEndObject();
            flush();
        }

        j.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter j, string name, IEnumerable<string> items)
    {
        j.WriteStartArray(name);
        foreach (var s in items)
        {
            j.WriteStringValue(s);
        }

        j.WriteEndArray();
    }
}
