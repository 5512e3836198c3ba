using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>One rule of a cluster network policy, in evaluation order, with its peers resolved.</summary>
/// <param name="Direction">Ingress or egress.</param>
/// <param name="Index">i in <c>ingress[i]</c>.</param>
/// <param name="Path">Where it is written: <c>spec.ingress[0]</c>.</param>
/// <param name="Name">The rule's name, when it has one.</param>
/// <param name="Action">Accept, Deny or Pass.</param>
/// <param name="Peers">Its peers, each with what it matches.</param>
/// <param name="Ports">The ports as written (<c>protocols</c>; empty: every port).</param>
public sealed record ClusterRuleDescription(
    Direction Direction,
    int Index,
    string Path,
    string? Name,
    ClusterRuleAction Action,
    IReadOnlyList<ClusterPeerDescription> Peers,
    IReadOnlyList<string> Ports);
