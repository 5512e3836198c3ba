namespace Netpol.Core.Explain;

/// <summary>Which step of the evaluation order decided one side of a connection.</summary>
public enum TierDecision
{
    /// <summary>No tier applies: the cluster has no cluster network policies, or the side is an address or a hostNetwork pod.</summary>
    None,

    /// <summary>An Admin-tier rule's Accept or Deny.</summary>
    Admin,

    /// <summary>NetworkPolicy: some NetworkPolicy isolates the pod for the direction.</summary>
    NetworkPolicy,

    /// <summary>A Baseline-tier rule's Accept or Deny (the pod is not isolated by NetworkPolicy).</summary>
    Baseline,

    /// <summary>Nothing decided: the default allows.</summary>
    Default,
}
