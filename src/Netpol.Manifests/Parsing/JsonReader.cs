using System.Text;
using System.Text.Json;

namespace Netpol.Manifests.Parsing;

/// <summary>
/// Reads JSON into positioned nodes. The elements of a top-level <c>items</c> array (a <c>kind: List</c> as
/// <c>kubectl get -o json</c> writes it) are handed over one by one as they are read, so a 100 MB list never
/// exists as one tree.
/// </summary>
internal sealed class JsonReader
{
    private readonly string _file;
    private readonly byte[] _bytes;
    private readonly ParseResult _result;
    private readonly Action<ParsedDocument> _sink;
    private readonly List<int> _lineStarts = [0];
    private int _line;

    // Keys and short values repeat across a List's items ("metadata", "labels", "app", "TCP"): share one string each.
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int _lastOffset = -1;
    private int _lastColumn;

    private JsonReader(string file, byte[] bytes, ParseResult result, Action<ParsedDocument> sink)
    {
        _file = file;
        _bytes = bytes;
        _result = result;
        _sink = sink;
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = bytes.AsSpan();
        var offset = 0;
        while (true)
        {
            var i = span[offset..].IndexOf((byte)'\n');
            if (i < 0)
            {
                break;
            }

            offset += i + 1;
            _lineStarts.Add(offset);
        }
    }

    public static void Read(string file, byte[] bytes, ParseResult result, Action<ParsedDocument> sink) =>
        new JsonReader(file, bytes, result, sink).Run();

    private void Run()
    {
        var reader = new Utf8JsonReader(_bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read())
            {
                return; // empty input
            }

            var root = ReadValue(ref reader, topLevel: true);
            if (reader.Read())
            {
                var (l, c) = Position(reader.TokenStartIndex);
                _result.AddError(_file, l, c, "unexpected data after the JSON value");
            }

            if (root.Kind == NodeKind.Sequence)
            {
                foreach (var item in root.Items!)
                {
                    _sink(new ParsedDocument(_file, item));
                }
            }
            else
            {
                _sink(new ParsedDocument(_file, root));
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }

            _result.AddError(_file, line, column, "invalid JSON: " + message.TrimEnd('.', ' '));
        }
    }

    private Node ReadValue(ref Utf8JsonReader reader, bool topLevel = false)
    {
        var (line, column) = Position(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var node = Node.Map(line, column);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var (kl, kc) = Position(reader.TokenStartIndex);
                        var key = Text(ref reader);
                        reader.Read();
                        if (topLevel && key == "items" && reader.TokenType == JsonTokenType.StartArray)
                        {
                            // Stream the list's items straight to the decoder.
                            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                            {
                                _sink(new ParsedDocument(_file, ReadValue(ref reader)));
                            }

                            continue;
                        }

                        var value = ReadValue(ref reader);
                        var first = node.Entries!.FindIndex(e => e.Key == key);
                        if (first >= 0)
                        {
                            var e = node.Entries[first];
                            _result.AddError(_file, kl, kc, $"duplicate key \"{key}\" (first at line {e.Line}, column {e.Column})");
                            continue;
                        }

                        node.Entries.Add(new MapEntry(key, kl, kc, value));
                    }

                    return node;
                }

            case JsonTokenType.StartArray:
                {
                    var node = Node.Sequence(line, column);
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        node.Items!.Add(ReadValue(ref reader));
                    }

                    return node;
                }

            case JsonTokenType.String:
                return Node.Scalar(Text(ref reader), ScalarKind.String, line, column);
            case JsonTokenType.Number:
                {
                    var text = Encoding.UTF8.GetString(reader.ValueSpan);
                    var kind = reader.TryGetInt64(out _) ? ScalarKind.Integer : ScalarKind.Float;
                    return Node.Scalar(text, kind, line, column);
                }

            case JsonTokenType.True:
                return Node.Scalar("true", ScalarKind.Boolean, line, column);
            case JsonTokenType.False:
                return Node.Scalar("false", ScalarKind.Boolean, line, column);
            default:
                return Node.Scalar("null", ScalarKind.Null, line, column);
        }
    }

    private string Text(ref Utf8JsonReader reader)
    {
        const int MaxShared = 48;
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxShared || _strings.Count > 200_000)
        {
            return reader.GetString()!;
        }

        Span<char> buffer = stackalloc char[MaxShared];
        var n = Encoding.UTF8.GetChars(reader.ValueSpan, buffer);
        if (_lookup.TryGetValue(buffer[..n], out var shared))
        {
            return shared;
        }

        var text = new string(buffer[..n]);
        _strings[text] = text;
        return text;
    }

    private (int Line, int Column) Position(long offset)
    {
        // Tokens come in order, so the line only ever moves forward.
        while (_line + 1 < _lineStarts.Count && _lineStarts[_line + 1] <= offset)
        {
            _line++;
        }

        // Resume counting from the last token when it was on the same line (minified JSON is one long line).
        var start = _lineStarts[_line];
        var column = 1;
        if (_lastOffset >= start && _lastOffset <= offset)
        {
            start = _lastOffset;
            column = _lastColumn;
        }

        for (var i = start; i < offset; i++)
        {
            if ((_bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        _lastOffset = (int)offset;
        _lastColumn = column;
        return (_line + 1, column);
    }
}
