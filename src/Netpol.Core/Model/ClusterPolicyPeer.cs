using System.Net;

namespace Netpol.Core.Model;

/// <summary>
/// One entry of a ClusterNetworkPolicy rule's <c>from</c> or <c>to</c>; exactly one kind is set:
/// <c>namespaces</c> (<see cref="NamespaceSelector"/> alone): every pod of the matching namespaces;
/// <c>pods</c> (<see cref="NamespaceSelector"/> and <see cref="PodSelector"/>): matching pods of matching namespaces;
/// <c>networks</c> (egress): addresses in any of the CIDRs, pod IPs and external addresses alike;
/// <c>nodes</c> (egress): the addresses of the matching nodes;
/// <c>domainNames</c> (egress): names resolved by DNS at run time, which static analysis cannot decide.
/// Selector peers never match hostNetwork pods.
/// </summary>
public sealed record ClusterPolicyPeer(
    LabelSelector? NamespaceSelector = null,
    LabelSelector? PodSelector = null,
    IReadOnlyList<IPNetwork>? Networks = null,
    LabelSelector? Nodes = null,
    IReadOnlyList<string>? DomainNames = null)
{
    /// <summary>True for a <c>domainNames</c> peer, whose match depends on DNS.</summary>
    public bool IsDomainNames => DomainNames is not null;

    /// <summary>True for a peer that selects pods by labels (<c>namespaces</c> or <c>pods</c>).</summary>
    public bool IsSelector => NamespaceSelector is not null;

    /// <inheritdoc />
    public override string ToString()
    {
        if (Networks is not null)
        {
            return $"networks {string.Join(", ", Networks)}";
        }

        if (Nodes is not null)
        {
            return $"nodes {Nodes}";
        }

        if (DomainNames is not null)
        {
            return $"domainNames {string.Join(", ", DomainNames)}";
        }

        return PodSelector is null ? $"namespaces {NamespaceSelector}" : $"pods {PodSelector} in namespaces {NamespaceSelector}";
    }
}
