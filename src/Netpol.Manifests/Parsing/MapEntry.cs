namespace Netpol.Manifests.Parsing;

/// <summary>A key of a mapping with the position of the key, and its value.</summary>
internal readonly record struct MapEntry(string Key, int Line, int Column, Node Value);
