using Netpol.Core.Model;

namespace Netpol.Core.Explain;

/// <summary>What one side of a connection decided: the source's egress or the destination's ingress.</summary>
public sealed record DirectionExplanation(
    Direction Direction,
    Endpoint Subject,
    IsolationStatus Status,
    IReadOnlyList<NetworkPolicy> SelectingPolicies,
    IReadOnlyList<RuleOutcome> Rules,
    PortSet AllowedPorts,
    bool Allowed)
{
    /// <summary>The rules that allow the connection.</summary>
    public IEnumerable<RuleOutcome> AllowingRules => Rules.Where(r => r.Allows);

    /// <summary>Rules that fail on exactly one of peer or port: the nearest misses.</summary>
    public IEnumerable<RuleOutcome> NearMisses => Rules.Where(r => r.PeerMatched != r.PortMatched);
}
