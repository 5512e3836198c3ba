using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>A peer, in any namespace's policy, whose namespaceSelector matches the described namespace.</summary>
/// <param name="Policy">The policy, <c>namespace/name</c>.</param>
/// <param name="Path">The peer: <c>spec.ingress[0].from[1]</c>.</param>
/// <param name="Direction">The rule's direction.</param>
/// <param name="NamespaceSelector">The namespaceSelector.</param>
/// <param name="PodSelector">The podSelector written beside it, if any (both must hold).</param>
/// <param name="MatchedPods">How many pods of the described namespace the peer matches.</param>
public sealed record NamespaceSelectorMatch(
    string Policy,
    string Path,
    Direction Direction,
    LabelSelector NamespaceSelector,
    LabelSelector? PodSelector,
    int MatchedPods);
