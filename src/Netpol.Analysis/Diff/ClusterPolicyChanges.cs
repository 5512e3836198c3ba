namespace Netpol.Analysis.Diff;

/// <summary>
/// Cluster network policies (short names such as <c>cnp/NAME</c>, sorted) only in head, only in base, or on both sides
/// with another meaning.
/// </summary>
public sealed record ClusterPolicyChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<ClusterPolicyModification> Modified)
{
    /// <summary>No cluster network policy changed.</summary>
    public static ClusterPolicyChanges None { get; } = new([], [], []);

    /// <summary>Added, removed and modified cluster network policies together.</summary>
    public int Count => Added.Count + Removed.Count + Modified.Count;
}
