using System.Globalization;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Manifests.Parsing;

namespace Netpol.Manifests.Decoding;

/// <summary>
/// What decoding one object needs: where it came from, which object it is (for messages), and where its
/// diagnostics go. Typed readers report wrong types as the API server's decoder would refuse them.
/// </summary>
internal sealed class DecodeContext
{
    private readonly List<Diagnostic> _diagnostics;

    public DecodeContext(string file, List<Diagnostic> diagnostics)
    {
        File = file;
        _diagnostics = diagnostics;
    }

    public string File { get; }

    /// <summary>"NetworkPolicy ns/name", once known.</summary>
    public string? ObjectRef { get; set; }

    public int ErrorCount { get; private set; }

    public SourceLocation At(Node node) => new(File, node.Line, node.Column);

    public void Error(Node node, string path, string message, string code = "invalid") =>
        Add(Severity.Error, code, new SourceLocation(File, node.Line, node.Column), path, message);

    public void Error(MapEntry entry, string path, string message, string code = "invalid") =>
        Add(Severity.Error, code, new SourceLocation(File, entry.Line, entry.Column), path, message);

    public void Add(Severity severity, string code, SourceLocation location, string? path, string message)
    {
        if (severity == Severity.Error)
        {
            ErrorCount++;
        }

        _diagnostics.Add(new Diagnostic(severity, code, location, ObjectRef, path, message));
    }

    /// <summary>Reports every key of a map that the schema does not know (the API server's strict decoding).</summary>
    public void RejectUnknown(Node map, string path, params string[] known)
    {
        foreach (var e in map.Entries!)
        {
            if (Array.IndexOf(known, e.Key) < 0)
            {
                var child = path.Length == 0 ? e.Key : $"{path}.{e.Key}";
                Error(e, child, $"unknown field \"{e.Key}\"", "unknown-field");
            }
        }
    }

    /// <summary>A map child, or null when absent or null; reports a wrong type.</summary>
    public Node? Map(Node parent, string key, string path)
    {
        var n = parent.Get(key);
        if (n is null || n.IsNull)
        {
            return null;
        }

        if (n.Kind != NodeKind.Map)
        {
            Error(n, Join(path, key), $"must be an object, not {n.Describe()}", "type");
            return null;
        }

        return n;
    }

    /// <summary>A sequence child, or null when absent or null; reports a wrong type.</summary>
    public List<Node>? Sequence(Node parent, string key, string path)
    {
        var n = parent.Get(key);
        if (n is null || n.IsNull)
        {
            return null;
        }

        if (n.Kind != NodeKind.Sequence)
        {
            Error(n, Join(path, key), $"must be a list, not {n.Describe()}", "type");
            return null;
        }

        return n.Items;
    }

    /// <summary>A string child, or null when absent or null; numbers and booleans are refused (quote them).</summary>
    public string? String(Node parent, string key, string path)
    {
        var n = parent.Get(key);
        if (n is null || n.IsNull)
        {
            return null;
        }

        return StringValue(n, Join(path, key));
    }

    public string? StringValue(Node n, string path)
    {
        if (n.Kind == NodeKind.Scalar && n.ScalarKind == ScalarKind.Yaml11Boolean)
        {
            Add(Severity.Warning, "yaml11-boolean", At(n), path, $"unquoted {n.Text} is a boolean to YAML 1.1 parsers (some kubectl versions): quote it as \"{n.Text}\"");
            return n.Text;
        }

        if (n.Kind != NodeKind.Scalar || n.ScalarKind != ScalarKind.String)
        {
            var hint = n.Kind == NodeKind.Scalar ? $" (quote it: \"{n.Text}\")" : string.Empty;
            Error(n, path, $"must be a string, not {n.Describe()}{hint}", "type");
            return null;
        }

        return n.Text;
    }

    /// <summary>An integer child, or null when absent or null.</summary>
    public long? Integer(Node parent, string key, string path)
    {
        var n = parent.Get(key);
        if (n is null || n.IsNull)
        {
            return null;
        }

        if (n.Kind == NodeKind.Scalar && n.ScalarKind == ScalarKind.Integer && TryInteger(n.Text!, out var v))
        {
            return v;
        }

        Error(n, Join(path, key), $"must be an integer, not {n.Describe()}", "type");
        return null;
    }

    /// <summary>A boolean child, or null when absent or null.</summary>
    public bool? Boolean(Node parent, string key, string path)
    {
        var n = parent.Get(key);
        if (n is null || n.IsNull)
        {
            return null;
        }

        if (n.Kind == NodeKind.Scalar && n.ScalarKind is ScalarKind.Boolean or ScalarKind.Yaml11Boolean)
        {
            return n.Text is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y";
        }

        Error(n, Join(path, key), $"must be a boolean, not {n.Describe()}", "type");
        return null;
    }

    /// <summary>A map of strings (labels, selectors), or null when absent.</summary>
    public Dictionary<string, string>? StringMap(Node parent, string key, string path)
    {
        var map = Map(parent, key, path);
        if (map is null)
        {
            return null;
        }

        var result = new Dictionary<string, string>(map.Entries!.Count, StringComparer.Ordinal);
        foreach (var e in map.Entries)
        {
            var value = e.Value.IsNull ? string.Empty : StringValue(e.Value, $"{Join(path, key)}.{e.Key}");
            if (value is not null)
            {
                result[e.Key] = value;
            }
        }

        return result;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static bool TryInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
        || ScalarResolver.TryParseInteger(text, out value);
}
