namespace Netpol.Analysis.Diff;

/// <summary>
/// A cluster network policy present on both sides (same kind and name) whose meaning changed.
/// </summary>
/// <param name="Name">The short name explanations use: <c>cnp/NAME</c>, <c>anp/NAME</c>, <c>banp/default</c>.</param>
/// <param name="Kind">ClusterNetworkPolicy, AdminNetworkPolicy or BaselineAdminNetworkPolicy.</param>
/// <param name="Changes">What changed, in manifest order: tier, priority, subject, then ingress and egress rules.</param>
public sealed record ClusterPolicyModification(string Name, string Kind, IReadOnlyList<ClusterPolicyFieldChange> Changes)
{
    /// <summary>The distinct field paths of <see cref="Changes"/>, in order.</summary>
    public IReadOnlyList<string> Fields => [.. Changes.Select(c => c.Field).Distinct(StringComparer.Ordinal)];
}
