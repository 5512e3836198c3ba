using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Netpol.Manifests.Parsing;

/// <summary>
/// Reads a YAML stream into positioned nodes, one per non-empty document, resolving anchors, aliases and
/// <c>&lt;&lt;</c> merge keys. Duplicate keys are errors, as they are for the API server's strict decoding.
/// </summary>
internal sealed class YamlReader
{
    private readonly string _file;
    private readonly ParseResult _result;
    private readonly Dictionary<string, Node> _anchors = new(StringComparer.Ordinal);
    private Parser _parser = null!;

    private YamlReader(string file, ParseResult result)
    {
        _file = file;
        _result = result;
    }

    private Action<ParsedDocument> _sink = null!;

    public static void Read(string file, TextReader text, ParseResult result, Action<ParsedDocument> sink)
    {
        new YamlReader(file, result) { _sink = sink }.Run(text);
    }

    private void Run(TextReader text)
    {
        // Build the parser on our own scanner: YamlDotNet can fail without a position on some malformed
        // flow collections, and the scanner still knows where it stopped.
        var scanner = new Scanner(text, skipComments: true);
        _parser = new Parser(scanner);
        try
        {
            Expect<StreamStart>();
            while (!_parser.TryConsume<StreamEnd>(out _))
            {
                _parser.Consume<DocumentStart>();
                _anchors.Clear();
                var root = ReadNode();
                _parser.Consume<DocumentEnd>();
                if (root.IsNull && root.Text is "" or "~" or null)
                {
                    continue; // an empty document (a stray '---', only comments)
                }

                _sink(new ParsedDocument(_file, root));
            }
        }
        catch (YamlException ex)
        {
            _result.AddError(_file, (int)ex.Start.Line, (int)ex.Start.Column, Clean(ex.Message));
        }
        catch (InvalidOperationException ex)
        {
            var p = scanner.CurrentPosition;
            _result.AddError(_file, (int)p.Line, (int)p.Column, "invalid YAML: " + Clean(ex.Message));
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the position is ours to print.
        var i = message.IndexOf("): ", StringComparison.Ordinal);
        var text = i >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(i + 3)..] : message;
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private void Expect<T>()
        where T : ParsingEvent => _parser.Consume<T>();

    private Node ReadNode()
    {
        var ev = _parser.Current ?? throw new InvalidOperationException("unexpected end of YAML");
        switch (ev)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new YamlException(alias.Start, alias.End, $"unknown anchor '{alias.Value.Value}'");
                }

                return target;
            case Scalar scalar:
                {
                    _parser.MoveNext();
                    var kind = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Tag.IsEmpty
                        ? ScalarResolver.Resolve(scalar.Value)
                        : TagKind(scalar);
                    var node = Node.Scalar(scalar.Value, kind, (int)scalar.Start.Line, (int)scalar.Start.Column);
                    Remember(scalar.Anchor, node);
                    return node;
                }

            case SequenceStart seq:
                {
                    _parser.MoveNext();
                    var node = Node.Sequence((int)seq.Start.Line, (int)seq.Start.Column);
                    Remember(seq.Anchor, node);
                    while (!_parser.TryConsume<SequenceEnd>(out _))
                    {
                        node.Items!.Add(ReadNode());
                    }

                    return node;
                }

            case MappingStart map:
                {
                    _parser.MoveNext();
                    var node = Node.Map((int)map.Start.Line, (int)map.Start.Column);
                    Remember(map.Anchor, node);
                    var merged = new List<MapEntry>();
                    while (!_parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyEvent = _parser.Current!;
                        var key = ReadNode();
                        var value = ReadNode();
                        if (key.Kind != NodeKind.Scalar)
                        {
                            throw new YamlException(keyEvent.Start, keyEvent.End, "a mapping key must be a scalar");
                        }

                        if (key.Text == "<<" && key.ScalarKind == ScalarKind.String && keyEvent is Scalar { Style: ScalarStyle.Plain })
                        {
                            foreach (var source in value.Kind == NodeKind.Sequence ? value.Items! : [value])
                            {
                                if (source.Kind == NodeKind.Map)
                                {
                                    merged.AddRange(source.Entries!);
                                }
                            }

                            continue;
                        }

                        if (node.Entries!.FindIndex(e => e.Key == key.Text) is var first and >= 0)
                        {
                            var e = node.Entries[first];
                            _result.AddError(_file, key.Line, key.Column, $"duplicate key \"{key.Text}\" (first at line {e.Line}, column {e.Column})");
                            continue;
                        }

                        node.Entries.Add(new MapEntry(key.Text!, key.Line, key.Column, value));
                    }

                    foreach (var m in merged)
                    {
                        if (node.Get(m.Key) is null)
                        {
                            node.Entries!.Add(m);
                        }
                    }

                    return node;
                }

            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }
    }

    private static ScalarKind TagKind(Scalar scalar)
    {
        if (scalar.Tag.IsEmpty)
        {
            return ScalarKind.String;
        }

        return scalar.Tag.Value switch
        {
            "tag:yaml.org,2002:int" => ScalarKind.Integer,
            "tag:yaml.org,2002:float" => ScalarKind.Float,
            "tag:yaml.org,2002:bool" => ScalarKind.Boolean,
            "tag:yaml.org,2002:null" => ScalarKind.Null,
            _ => ScalarKind.String,
        };
    }

    private void Remember(AnchorName anchor, Node node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }
    }
}
