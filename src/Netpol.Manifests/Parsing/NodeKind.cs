namespace Netpol.Manifests.Parsing;

/// <summary>The shape of a parsed YAML or JSON node.</summary>
internal enum NodeKind
{
    Map,
    Sequence,
    Scalar,
}
