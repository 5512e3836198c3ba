using System.Net;

namespace Netpol.Core.Model;

/// <summary>One end of a connection: a pod, or an address outside the cluster's pods.</summary>
public sealed record Endpoint
{
    private Endpoint(Pod? pod, IPAddress? address)
    {
        Pod = pod;
        Address = address;
    }

    /// <summary>The pod, when the endpoint is a pod.</summary>
    public Pod? Pod { get; }

    /// <summary>The address, when the endpoint is external.</summary>
    public IPAddress? Address { get; }

    /// <summary>True for an address that is no pod's.</summary>
    public bool IsExternal => Pod is null;

    /// <summary>A pod endpoint.</summary>
    public static Endpoint ForPod(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return new(pod, null);
    }

    /// <summary>An external endpoint.</summary>
    public static Endpoint ForAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new(null, address);
    }

    /// <summary>The addresses ipBlock peers test: the pod's IPs (none without status.podIP) or the external address.</summary>
    public IReadOnlyList<IPAddress> Addresses => Pod is not null ? Pod.IPs : [Address!];

    /// <summary><c>namespace/name</c> for a pod, the address otherwise.</summary>
    public string Name => Pod?.FullName ?? Address!.ToString();

    /// <inheritdoc />
    public override string ToString() => Name;
}
