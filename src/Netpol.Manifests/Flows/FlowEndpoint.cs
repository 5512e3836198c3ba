using System.Collections.Frozen;
using System.Net;

namespace Netpol.Manifests.Flows;

/// <summary>
/// One end of an observed flow, as the flow log describes it: any of namespace, pod name, IP, labels and owning
/// workload may be missing. Which pod (or external address) it stands for is decided later, against the manifests.
/// Two descriptions are equal when every field is, labels and reserved identities compared by content.
/// </summary>
public sealed record FlowEndpoint
{
    internal static readonly IReadOnlyDictionary<string, string> NoLabels = FrozenDictionary<string, string>.Empty;

    // Computed on first use: every flow of a log is hashed twice on its way into the tally.
    private int _hash;

    /// <summary>An endpoint nothing is known about yet; set what the log says with an object initializer.</summary>
    public FlowEndpoint()
    {
    }

    // `with` copies through here: the copy must not inherit the hash of the fields it is about to change.
    private FlowEndpoint(FlowEndpoint original)
    {
        Namespace = original.Namespace;
        PodName = original.PodName;
        IP = original.IP;
        Labels = original.Labels;
        Reserved = original.Reserved;
        Workload = original.Workload;
    }

    /// <summary>The pod's namespace (Hubble <c>namespace</c>; the NS of <c>NS/POD</c> in CSV).</summary>
    public string? Namespace { get; init; }

    /// <summary>The pod's name as the cluster knows it, e.g. <c>web-5d8f7c9b4-x2x9z</c> (Hubble <c>pod_name</c>).</summary>
    public string? PodName { get; init; }

    /// <summary>The address the flow carried for this end.</summary>
    public IPAddress? IP { get; init; }

    /// <summary>
    /// The Kubernetes labels the flow carried (Hubble labels with source <c>k8s:</c>, the prefix removed), including
    /// Cilium's own such as <c>io.kubernetes.pod.namespace</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = NoLabels;

    /// <summary>Cilium's reserved identities of this end (<c>reserved:world</c> is <c>world</c>; also <c>host</c>, <c>remote-node</c>, ...).</summary>
    public IReadOnlyList<string> Reserved { get; init; } = [];

    /// <summary>The owning workload as <c>kind/name</c> with netpol's short kinds (<c>deploy/web</c>, <c>sts/db</c>), when given.</summary>
    public string? Workload { get; init; }

    /// <summary>True when Cilium classified this end as outside the cluster (<c>reserved:world</c>, <c>world-ipv4</c>, <c>world-ipv6</c>).</summary>
    public bool IsWorld => Reserved.Any(r => r.StartsWith("world", StringComparison.Ordinal));

    /// <summary>How netpol names this end in messages: <c>ns/pod</c>, <c>ns/deploy/web</c>, an IP, or labels.</summary>
    public override string ToString()
    {
        if (Namespace is not null && PodName is not null)
        {
            return $"{Namespace}/{PodName}";
        }

        if (Namespace is not null && Workload is not null)
        {
            return $"{Namespace}/{Workload}";
        }

        if (Namespace is not null && Labels.Count > 0)
        {
            return $"{Namespace} pod with labels {string.Join(",", Labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))}";
        }

        if (IP is not null)
        {
            return IP.ToString();
        }

        if (Reserved.Count > 0)
        {
            return string.Join(",", Reserved.Select(r => $"reserved:{r}"));
        }

        return Namespace is null ? "(an endpoint without namespace, pod, labels or IP)" : $"{Namespace} (no pod name, labels or IP)";
    }

    /// <inheritdoc />
    public bool Equals(FlowEndpoint? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return other is not null
            && string.Equals(Namespace, other.Namespace, StringComparison.Ordinal)
            && string.Equals(PodName, other.PodName, StringComparison.Ordinal)
            && string.Equals(Workload, other.Workload, StringComparison.Ordinal)
            && Equals(IP, other.IP)
            && Reserved.SequenceEqual(other.Reserved, StringComparer.Ordinal)
            && Labels.Count == other.Labels.Count
            && Labels.All(kv => other.Labels.TryGetValue(kv.Key, out var v) && string.Equals(v, kv.Value, StringComparison.Ordinal));
    }

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var labels = 0;
            foreach (var (k, v) in Labels)
            {
                labels ^= HashCode.Combine(k, v);
            }

            var reserved = new HashCode();
            foreach (var r in Reserved)
            {
                reserved.Add(r);
            }

            var hash = HashCode.Combine(Namespace, PodName, Workload, IP, labels, reserved.ToHashCode());
            _hash = hash == 0 ? 1 : hash;
        }

        return _hash;
    }
}
