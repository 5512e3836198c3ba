namespace Netpol.Manifests.Parsing;

/// <summary>
/// The type a scalar resolves to: JSON tokens map directly; YAML plain scalars follow the YAML 1.2 core schema
/// and quoted YAML scalars are always strings.
/// </summary>
internal enum ScalarKind
{
    String,
    Integer,
    Float,
    Boolean,
    Null,
}
