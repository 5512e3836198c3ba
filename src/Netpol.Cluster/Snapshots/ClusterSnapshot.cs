using System.Text.Json.Nodes;

namespace Netpol.LiveCluster.Snapshots;

/// <summary>
/// What was read from a cluster: each object as the API server gave it, trimmed to the fields netpol reads, with
/// <c>apiVersion</c> and <c>kind</c> set (list items lack them), sorted by kind, namespace and name.
/// </summary>
/// <param name="Context">The kubeconfig context (or <c>in-cluster</c>).</param>
/// <param name="Server">The API server's URL.</param>
/// <param name="Objects">The objects.</param>
/// <param name="Notes">What the reader skipped or could not read, one sentence each.</param>
public sealed record ClusterSnapshot(string Context, string Server, IReadOnlyList<JsonObject> Objects, IReadOnlyList<string> Notes)
{
    /// <summary>How diagnostics name an object read from a cluster: <c>cluster:shop/pod/web-1</c>, <c>cluster:namespace/shop</c>.</summary>
    public static string NameOf(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var kind = (obj["kind"]?.GetValue<string>() ?? "object").ToLowerInvariant();
        var name = obj["metadata"]?["name"]?.GetValue<string>() ?? "?";
        var ns = obj["metadata"]?["namespace"]?.GetValue<string>();
        return ns is null ? $"cluster:{kind}/{name}" : $"cluster:{ns}/{kind}/{name}";
    }
}
