namespace Netpol.Manifests.Parsing;

/// <summary>A YAML or JSON value with the 1-based line and column where it starts.</summary>
internal sealed class Node
{
    private Node(NodeKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public NodeKind Kind { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The scalar's text (null for maps and sequences).</summary>
    public string? Text { get; private init; }

    public ScalarKind ScalarKind { get; private init; }

    public List<MapEntry>? Entries { get; private init; }

    public List<Node>? Items { get; private init; }

    public bool IsNull => Kind == NodeKind.Scalar && ScalarKind == ScalarKind.Null;

    public static Node Scalar(string text, ScalarKind kind, int line, int column) =>
        new(NodeKind.Scalar, line, column) { Text = text, ScalarKind = kind };

    public static Node Map(int line, int column) => new(NodeKind.Map, line, column) { Entries = [] };

    public static Node Sequence(int line, int column) => new(NodeKind.Sequence, line, column) { Items = [] };

    /// <summary>The value of a key of a map, or null when absent (or when this is not a map).</summary>
    public Node? Get(string key)
    {
        if (Entries is null)
        {
            return null;
        }

        foreach (var e in Entries)
        {
            if (e.Key == key)
            {
                return e.Value;
            }
        }

        return null;
    }

    /// <summary>The text of a scalar child, or null.</summary>
    public string? GetText(string key) => Get(key) is { Kind: NodeKind.Scalar, IsNull: false } n ? n.Text : null;

    public string Describe() => Kind switch
    {
        NodeKind.Map => "an object",
        NodeKind.Sequence => "a list",
        _ => ScalarKind switch
        {
            ScalarKind.String => "a string",
            ScalarKind.Integer => "a number",
            ScalarKind.Float => "a number",
            ScalarKind.Boolean => "a boolean",
            _ => "null",
        },
    };
}
