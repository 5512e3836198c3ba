using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>
/// One peer of a rule (<c>from[j]</c> or <c>to[j]</c>) and what it matches in the input. Selector peers match pods:
/// podSelector alone in the policy's namespace, namespaceSelector in the matching namespaces (with a podSelector too:
/// both must hold). An ipBlock peer matches addresses, and the pods whose IPs fall in the block.
/// </summary>
/// <param name="Index">j in <c>from[j]</c>.</param>
/// <param name="Path">Where it is written: <c>spec.ingress[0].from[1]</c>.</param>
/// <param name="PodSelector">The podSelector, if written.</param>
/// <param name="NamespaceSelector">The namespaceSelector, if written.</param>
/// <param name="IPBlock">The ipBlock, if written.</param>
/// <param name="Namespaces">The namespaces a selector peer looks in (the policy's own, or those its namespaceSelector matches); empty for ipBlock.</param>
/// <param name="Pods">The pods it matches, in cluster order.</param>
public sealed record PeerDescription(
    int Index,
    string Path,
    LabelSelector? PodSelector,
    LabelSelector? NamespaceSelector,
    IPBlock? IPBlock,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<string> Pods)
{
    /// <summary>True for a selector peer that matches no pod of the input (an ipBlock always admits addresses).</summary>
    public bool MatchesNothing => IPBlock is null && Pods.Count == 0;
}
