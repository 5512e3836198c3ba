using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>
/// One rule of a described policy as written, and what it admits in the input. This is the rule alone: a pod it
/// admits may still be stopped by the policies on the other side (<c>netpol check</c> says).
/// </summary>
/// <param name="Direction">Ingress or egress.</param>
/// <param name="Index">i in <c>ingress[i]</c>.</param>
/// <param name="Path">Where it is written: <c>spec.ingress[0]</c>.</param>
/// <param name="AllPeers">True when from/to is absent or empty: every pod and every address.</param>
/// <param name="Peers">The peers, each with what it matches.</param>
/// <param name="AdmittedPods">The pods some peer matches (every pod when <paramref name="AllPeers"/>), in cluster order.</param>
/// <param name="WrittenPorts">The ports as written (empty: every port).</param>
/// <param name="PortsByDestination">
/// With named ports only: the ports per destination pod (ingress: the selected pods; egress: the admitted pods).
/// Without, the ports are the same for every destination.
/// </param>
public sealed record RuleDescription(
    Direction Direction,
    int Index,
    string Path,
    bool AllPeers,
    IReadOnlyList<PeerDescription> Peers,
    IReadOnlyList<string> AdmittedPods,
    IReadOnlyList<PolicyPort> WrittenPorts,
    IReadOnlyList<PortResolution> PortsByDestination)
{
    /// <summary>True when some port is written by name (resolved per destination pod).</summary>
    public bool HasNamedPorts => WrittenPorts.Any(p => p.Name is not null);

    /// <summary>True when the rule admits addresses: it has no peers, or an ipBlock peer.</summary>
    public bool AdmitsAddresses => AllPeers || Peers.Any(p => p.IPBlock is not null);

    /// <summary>True when the rule admits no pod and no address: every peer is a selector that matches nothing.</summary>
    public bool AdmitsNothing => !AllPeers && AdmittedPods.Count == 0 && !AdmitsAddresses;

    /// <summary>True when the rule's named ports resolve to no port on any destination pod, and it names no number.</summary>
    public bool ResolvesToNoPort => HasNamedPorts && WrittenPorts.All(p => p.Name is not null) && PortsByDestination.All(r => r.Ports.IsEmpty);
}
