namespace Netpol.Core.Model;

/// <summary>
/// An ingress or egress rule. An empty <see cref="Peers"/> list (from/to absent or empty) means every peer;
/// an empty <see cref="Ports"/> list (ports absent or empty) means every port and protocol.
/// </summary>
public sealed record PolicyRule(IReadOnlyList<PolicyPeer> Peers, IReadOnlyList<PolicyPort> Ports)
{
    /// <summary>True when the rule allows every peer.</summary>
    public bool AllPeers => Peers.Count == 0;

    /// <summary>True when the rule allows every port.</summary>
    public bool AllPorts => Ports.Count == 0;
}
