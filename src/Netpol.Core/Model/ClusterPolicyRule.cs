namespace Netpol.Core.Model;

/// <summary>
/// An ingress or egress rule of a ClusterNetworkPolicy. It matches traffic whose other end matches any of
/// <see cref="Peers"/> (never empty once validated) on any of <see cref="Ports"/> (empty: every port and protocol).
/// Rules apply in written order: the first that matches a port decides it.
/// </summary>
public sealed record ClusterPolicyRule(string? Name, ClusterRuleAction Action, IReadOnlyList<ClusterPolicyPeer> Peers, IReadOnlyList<ClusterPolicyPort> Ports)
{
    /// <summary>True when the rule matches every port.</summary>
    public bool AllPorts => Ports.Count == 0;
}
