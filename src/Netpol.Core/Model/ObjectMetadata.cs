using System.Collections.Frozen;

namespace Netpol.Core.Model;

/// <summary>Shared empty values for the metadata objects carry, so that objects without any cost nothing.</summary>
public static class ObjectMetadata
{
    /// <summary>No annotations.</summary>
    public static IReadOnlyDictionary<string, string> NoAnnotations { get; } = FrozenDictionary<string, string>.Empty;

    /// <summary>No recorded field locations.</summary>
    public static IReadOnlyDictionary<string, SourceLocation> NoLocations { get; } = FrozenDictionary<string, SourceLocation>.Empty;
}
