namespace Netpol.Manifests.Parsing;

/// <summary>One top-level document of a file (a YAML document, or the JSON value, or one item of a List).</summary>
internal sealed record ParsedDocument(string File, Node Root);
