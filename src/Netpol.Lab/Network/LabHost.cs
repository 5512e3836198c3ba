using System.Net;
using Netpol.Core.Engine;
using Netpol.Core.Model;

namespace Netpol.Lab.Network;

/// <summary>
/// One network namespace of the lab: a pod, the hostNetwork pods that share a node address, or an external peer.
/// It is wired to the lab's node namespace by a veth pair (<see cref="Interface"/> on the node side, <c>eth0</c>
/// inside) and listens on <see cref="Listen"/>.
/// </summary>
public sealed record LabHost(
    string Name,
    string Netns,
    string Interface,
    string Mac,
    IReadOnlyList<IPAddress> Addresses,
    IReadOnlyList<Probe> Listen,
    IReadOnlyList<Pod> Pods,
    IPAddress? External);
