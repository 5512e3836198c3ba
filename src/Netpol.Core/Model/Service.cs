namespace Netpol.Core.Model;

/// <summary>A Service: its selector chooses the backing pods of its namespace (null: no selector, no pods).</summary>
public sealed record Service(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string>? Selector,
    IReadOnlyList<ServicePort> Ports,
    SourceLocation? Source = null)
{
    /// <summary><c>namespace/name</c>.</summary>
    public string FullName => $"{Namespace}/{Name}";

    /// <summary><c>metadata.annotations</c>.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = ObjectMetadata.NoAnnotations;
}
