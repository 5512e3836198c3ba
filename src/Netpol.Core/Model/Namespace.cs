namespace Netpol.Core.Model;

/// <summary>A namespace and its labels (always including <c>kubernetes.io/metadata.name</c>).</summary>
public sealed record Namespace(string Name, IReadOnlyDictionary<string, string> Labels, SourceLocation? Source = null)
{
    /// <summary>The label the API server sets on every namespace to its own name.</summary>
    public const string NameLabel = "kubernetes.io/metadata.name";

    /// <summary>True when the namespace was not declared in the input but is used by an object in it.</summary>
    public bool IsImplicit { get; init; }

    /// <summary><c>metadata.annotations</c>.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = ObjectMetadata.NoAnnotations;
}
