namespace Netpol.Analysis.Describe;

/// <summary>What <c>netpol describe namespace</c> shows: the namespace, its policies, and the peers that select it.</summary>
/// <param name="Name">The namespace.</param>
/// <param name="Labels">Its labels, sorted by key (kubernetes.io/metadata.name included).</param>
/// <param name="IsImplicit">True when the input uses the namespace without declaring it.</param>
/// <param name="Pods">How many pods (and workloads' synthetic pods) it has.</param>
/// <param name="Policies">The names of its policies, sorted.</param>
/// <param name="SelectedBy">The peers of policies in any namespace whose namespaceSelector matches it, by policy and path.</param>
public sealed record NamespaceDescription(
    string Name,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    bool IsImplicit,
    int Pods,
    IReadOnlyList<string> Policies,
    IReadOnlyList<NamespaceSelectorMatch> SelectedBy)
{
    /// <summary>The cluster network policies whose subject's namespace selector matches the namespace, in evaluation order.</summary>
    public IReadOnlyList<ClusterPolicyDescription> ClusterPolicies { get; init; } = [];
}
