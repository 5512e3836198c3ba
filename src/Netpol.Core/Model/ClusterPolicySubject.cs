namespace Netpol.Core.Model;

/// <summary>
/// The pods a ClusterNetworkPolicy applies to. Cases:
/// <c>namespaces</c>: every pod of the matching namespaces (<see cref="PodSelector"/> is null);
/// <c>pods</c>: pods matching <see cref="PodSelector"/> in namespaces matching <see cref="NamespaceSelector"/> (AND).
/// hostNetwork pods are never subjects.
/// </summary>
public sealed record ClusterPolicySubject(LabelSelector NamespaceSelector, LabelSelector? PodSelector = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        PodSelector is null ? $"namespaces {NamespaceSelector}" : $"pods {PodSelector} in namespaces {NamespaceSelector}";
}
