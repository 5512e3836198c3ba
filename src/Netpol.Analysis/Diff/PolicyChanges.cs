namespace Netpol.Analysis.Diff;

/// <summary>Policies (<c>namespace/name</c>, sorted) only in head, only in base, or on both sides with another meaning.</summary>
public sealed record PolicyChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<PolicyModification> Modified)
{
    /// <summary>Added, removed and modified policies together.</summary>
    public int Count => Added.Count + Removed.Count + Modified.Count;
}
