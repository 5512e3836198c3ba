namespace Netpol.Manifests.Specs;

/// <summary>
/// A selector endpoint, <c>{namespace: NS, labels: {k: v}}</c>: the pods whose labels include every label given.
/// No namespace means every namespace; no labels (or <c>{}</c>) means every pod.
/// </summary>
public sealed record TestSelector(string? Namespace, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>
    /// The selector as netpol prints it: <c>shop/{app=web}</c>, <c>{app=web}</c> in every namespace,
    /// <c>shop/{}</c> for every pod of shop, <c>{}</c> for every pod.
    /// </summary>
    public override string ToString()
    {
        var labels = "{" + string.Join(",", Labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")) + "}";
        return Namespace is null ? labels : $"{Namespace}/{labels}";
    }
}
