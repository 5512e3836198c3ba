using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Netpol.LiveCluster.Snapshots;

/// <summary>
/// Writes a snapshot as a multi-document YAML stream of manifests, one object per document, that <c>-f</c> loads
/// back. Strings are written plain only where every YAML reader takes them as strings; otherwise double-quoted.
/// </summary>
public static class SnapshotWriter
{
    private static readonly HashSet<string> Ambiguous = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    /// <summary>Writes the header comment and every object.</summary>
    public static void Write(ClusterSnapshot snapshot, TextWriter output, bool redacted = false)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(output);
        var counts = snapshot.Objects
            .GroupBy(o => o["kind"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}")
            .ToList();
        output.Write($"# netpol snapshot of context \"{snapshot.Context}\" ({snapshot.Server}): {(counts.Count == 0 ? "no objects" : string.Join(", ", counts))}\n");
        if (redacted)
        {
            output.Write("# redacted: names, namespaces, IPs, images and annotations (except netpol.io/*) are replaced, and label values that name them; other labels are kept\n");
        }

        output.Write("# analyse it offline with: netpol matrix -f THIS_FILE\n");
        foreach (var obj in snapshot.Objects)
        {
            output.Write("---\n");
            var sb = new StringBuilder();
            WriteMap(sb, obj, 0, null);
            output.Write(sb.ToString());
        }
    }

    private static void WriteMap(StringBuilder sb, JsonObject map, int indent, string? firstPrefix)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            sb.Append(first && firstPrefix is not null ? firstPrefix : new string(' ', indent)).Append(Scalar(key)).Append(':');
            first = false;
            WriteValue(sb, value, indent);
        }
    }

    private static void WriteValue(StringBuilder sb, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                sb.Append(" {}\n");
                break;
            case JsonObject map:
                sb.Append('\n');
                WriteMap(sb, map, indent + 2, null);
                break;
            case JsonArray { Count: 0 }:
                sb.Append(" []\n");
                break;
            case JsonArray list:
                sb.Append('\n');
                WriteSequence(sb, list, indent + 2);
                break;
            default:
                sb.Append(' ').Append(Value(value)).Append('\n');
                break;
        }
    }

    private static void WriteSequence(StringBuilder sb, JsonArray list, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var item in list)
        {
            switch (item)
            {
                case JsonObject { Count: > 0 } map:
                    WriteMap(sb, map, indent + 2, pad + "- ");
                    break;
                case JsonObject:
                    sb.Append(pad).Append("- {}\n");
                    break;
                case JsonArray nested:
                    // JSON is YAML: a nested list is rare enough to write in flow style.
                    sb.Append(pad).Append("- ").Append(nested.ToJsonString()).Append('\n');
                    break;
                default:
                    sb.Append(pad).Append("- ").Append(Value(item)).Append('\n');
                    break;
            }
        }
    }

    private static string Value(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        var value = node.AsValue();
        return value.GetValueKind() == JsonValueKind.String ? Scalar(value.GetValue<string>()) : value.ToJsonString();
    }

    /// <summary>A string as a YAML scalar: plain when it cannot be read as anything else, else double-quoted.</summary>
    internal static string Scalar(string text) => IsPlainSafe(text) ? text : Quote(text);

    private static bool IsPlainSafe(string text)
    {
        if (text.Length == 0 || !(char.IsAsciiLetter(text[0]) || text[0] is '_' or '/') || Ambiguous.Contains(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
