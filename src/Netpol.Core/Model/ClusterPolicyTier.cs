namespace Netpol.Core.Model;

/// <summary>
/// The tier a ClusterNetworkPolicy belongs to. Tiers are evaluated Admin, then NetworkPolicy, then Baseline,
/// then the default (allow).
/// </summary>
public enum ClusterPolicyTier
{
    /// <summary>Evaluated before NetworkPolicy; its Accept and Deny cannot be overridden.</summary>
    Admin,

    /// <summary>Evaluated only for pods no NetworkPolicy isolates in the direction.</summary>
    Baseline,
}
