using System.Net;

namespace Netpol.Core.Model;

/// <summary>
/// A pod, or the synthetic pod standing for a workload's pod template
/// (then <see cref="WorkloadKind"/> is set and <see cref="Name"/> is <c>kind/name</c>, e.g. <c>deploy/web</c>).
/// </summary>
public sealed record Pod(
    string Namespace,
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<IPAddress> IPs,
    IReadOnlyList<ContainerPort> Ports,
    bool HostNetwork = false,
    string? WorkloadKind = null,
    SourceLocation? Source = null)
{
    /// <summary><c>namespace/name</c>, the way netpol names pods everywhere.</summary>
    public string FullName => $"{Namespace}/{Name}";

    /// <summary>The owner workload as <c>kind/name</c> (e.g. <c>deploy/web</c>), when known.</summary>
    public string? Owner { get; init; }

    /// <summary>True when the pod has no IP (no <c>status.podIP</c>): ipBlock peers cannot match it.</summary>
    public bool HasNoIP => IPs.Count == 0;

    /// <summary><c>metadata.annotations</c> (of the pod template for a workload).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = ObjectMetadata.NoAnnotations;

    /// <summary>The node the pod runs on (<c>spec.nodeName</c>), when known: live pods have it, manifests rarely do.</summary>
    public string? NodeName { get; init; }

    /// <summary>The images of the pod's containers and init containers, in order.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];
}
