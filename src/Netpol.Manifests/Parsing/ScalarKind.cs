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

    /// <summary>
    /// <c>yes</c>, <c>no</c>, <c>on</c>, <c>off</c>, <c>y</c>, <c>n</c> (any case form): strings in YAML 1.2, booleans in
    /// YAML 1.1. Read as strings where a string is expected, with a warning to quote them.
    /// </summary>
    Yaml11Boolean,
}
