namespace Netpol.Analysis.Diff;

/// <summary>What happened to one part of a cluster network policy present on both sides.</summary>
public enum ClusterPolicyChangeKind
{
    /// <summary>The field has another meaning: <see cref="ClusterPolicyFieldChange.Before"/> became <see cref="ClusterPolicyFieldChange.After"/>.</summary>
    Changed,

    /// <summary>A rule only in head (<see cref="ClusterPolicyFieldChange.Before"/> is null).</summary>
    Added,

    /// <summary>A rule only in base (<see cref="ClusterPolicyFieldChange.After"/> is null); its field is the base index.</summary>
    Removed,

    /// <summary>
    /// A rule on both sides whose place among the other rules changed. Rules apply in written order, so a move can
    /// change which rule decides a port.
    /// </summary>
    Moved,
}
