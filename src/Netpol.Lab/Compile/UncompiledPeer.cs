using Netpol.Core.Model;

namespace Netpol.Lab.Compile;

/// <summary>
/// A peer of a cluster network policy rule that nftables cannot enforce: a <c>domainNames</c> peer, whose addresses
/// only DNS knows at run time. The ruleset treats it as matching nothing, exactly as the engine does.
/// </summary>
/// <param name="Policy">The cluster network policy.</param>
/// <param name="Direction">The direction of the rule (domainNames peers are egress only).</param>
/// <param name="Rule">The rule's index in the direction.</param>
/// <param name="Peer">The peer's index in the rule's <c>to</c>.</param>
public sealed record UncompiledPeer(ClusterNetworkPolicy Policy, Direction Direction, int Rule, int Peer)
{
    /// <summary>The peer's field path, as written in YAML: <c>spec.egress[0].to[1]</c>.</summary>
    public string FieldPath => Direction == Direction.Ingress
        ? $"spec.ingress[{Rule}].from[{Peer}]"
        : $"spec.egress[{Rule}].to[{Peer}]";
}
