using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Netpol.Rendering.Json;

/// <summary>Shared JSON writing: indented, UTF-8, stable, without reflection (AOT-safe).</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter w, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            body(json);
        }

        w.Write(Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal));
        w.WriteLine();
    }
}
