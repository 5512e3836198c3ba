using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>What <c>netpol describe pod</c> shows: the pod, the policies selecting it, and who reaches whom through it.</summary>
/// <param name="Name"><c>namespace/name</c> (<c>namespace/deploy/web</c> for a workload's synthetic pod).</param>
/// <param name="Namespace">The namespace.</param>
/// <param name="Labels">Its labels, sorted by key.</param>
/// <param name="WorkloadKind">For a workload's synthetic pod, the kind (Deployment, ...).</param>
/// <param name="Owner">For a real pod with an owner, the workload as <c>kind/name</c>.</param>
/// <param name="HostNetwork">True for a hostNetwork pod: NetworkPolicy does not apply to it.</param>
/// <param name="IPs">Its IPs (none without status.podIP: then no ipBlock matches it).</param>
/// <param name="Ports">Its container ports (named ports of policies resolve against these).</param>
/// <param name="Ingress">Who may reach it.</param>
/// <param name="Egress">Whom it may reach.</param>
public sealed record PodDescription(
    string Name,
    string Namespace,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    string? WorkloadKind,
    string? Owner,
    bool HostNetwork,
    IReadOnlyList<string> IPs,
    IReadOnlyList<ContainerPort> Ports,
    PodDirection Ingress,
    PodDirection Egress);
