using Netpol.Core.Model;

namespace Netpol.Core.Explain;

/// <summary>
/// How one rule of a selecting policy fared against a connection: whether its peers admitted the other endpoint
/// (and which peer), whether its ports admitted the port, and what it would take to match.
/// </summary>
public sealed record RuleOutcome(
    NetworkPolicy Policy,
    Direction Direction,
    int RuleIndex,
    bool PeerMatched,
    int? PeerIndex,
    bool PortMatched,
    int? PortIndex,
    PortSet Ports,
    string PeerText,
    IReadOnlyList<string> PeerMisses)
{
    /// <summary>True when the rule allows the connection.</summary>
    public bool Allows => PeerMatched && PortMatched;

    /// <summary>The reference to the rule as netpol prints it: <c>policy ns/name ingress[0] from[1] ports[0]</c>.</summary>
    public string Reference
    {
        get
        {
            var dir = Direction == Direction.Ingress ? "ingress" : "egress";
            var peers = Direction == Direction.Ingress ? "from" : "to";
            var s = $"policy {Policy.FullName} {dir}[{RuleIndex}]";
            if (PeerIndex is { } p)
            {
                s += $" {peers}[{p}]";
            }

            if (PortIndex is { } q)
            {
                s += $" ports[{q}]";
            }

            return s;
        }
    }
}
