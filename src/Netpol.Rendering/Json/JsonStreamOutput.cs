using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Netpol.Rendering.Json;

/// <summary>
/// JSON writing for outputs that grow with the cluster (one entry per pod): the same text as <see cref="JsonOutput"/>,
/// but handed to the writer in chunks, so that a 150k-pod document never sits in memory whole (as bytes and again as
/// a string).
/// </summary>
internal static class JsonStreamOutput
{
    private const int ChunkBytes = 1 << 16;

    /// <summary>Runs <paramref name="body"/>, which calls the flush action it is given between entries.</summary>
    public static void Write(TextWriter w, Action<Utf8JsonWriter, Action> body)
    {
        using var buffer = new MemoryStream();
        var decoder = Encoding.UTF8.GetDecoder();
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            void Drain(bool force)
            {
                if (!force && json.BytesPending + buffer.Length < ChunkBytes)
                {
                    return;
                }

                json.Flush();
                var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
                var chars = new char[decoder.GetCharCount(bytes, flush: false)];
                decoder.GetChars(bytes, chars, flush: false);
                w.Write(chars);
                buffer.SetLength(0);
            }

            body(json, () => Drain(force: false));
            Drain(force: true);
        }

        w.WriteLine();
    }
}
