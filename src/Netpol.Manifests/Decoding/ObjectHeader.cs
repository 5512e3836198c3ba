namespace Netpol.Manifests.Decoding;

/// <summary>The identity of a decoded object: kind, namespace (empty for cluster-scoped) and name.</summary>
internal sealed record ObjectHeader(string ApiVersion, string Kind, string Namespace, string Name)
{
    public string Ref => Namespace.Length == 0 ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}
