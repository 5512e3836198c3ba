using Netpol.Core.Model;

namespace Netpol.Analysis.Coverage;

/// <summary>
/// How many pods the cluster network policy tiers cover, per direction. A pod is a subject of a tier for a direction
/// when a policy of that tier with rules for the direction selects it (hostNetwork pods never are). A pod is protected
/// by the baseline for a direction when no NetworkPolicy isolates it that way (so the Baseline tier is consulted) and a
/// Baseline policy selecting it has a Deny rule for the direction: traffic that rule matches is no longer allowed by
/// default.
/// </summary>
/// <param name="AdminIngress">Pods an Admin-tier policy with ingress rules selects.</param>
/// <param name="AdminEgress">Pods an Admin-tier policy with egress rules selects.</param>
/// <param name="BaselineIngress">Pods a Baseline-tier policy with ingress rules selects.</param>
/// <param name="BaselineEgress">Pods a Baseline-tier policy with egress rules selects.</param>
/// <param name="ProtectedByBaselineIngress">Pods no NetworkPolicy isolates for ingress that a Baseline Deny rule covers.</param>
/// <param name="ProtectedByBaselineEgress">Pods no NetworkPolicy isolates for egress that a Baseline Deny rule covers.</param>
public sealed record TierCoverage(
    int AdminIngress,
    int AdminEgress,
    int BaselineIngress,
    int BaselineEgress,
    int ProtectedByBaselineIngress,
    int ProtectedByBaselineEgress)
{
    /// <summary>
    /// Pods for which a catch-all Deny of the Admin or Baseline tier denies every pod source not accepted before it
    /// (lint's definition: <c>namespaces: {}</c> peers on every port, with no Pass in the way), for ingress, where that
    /// catch-all decides: always for the Admin tier, for the Baseline tier only when no NetworkPolicy isolates the pod.
    /// Stricter than <see cref="ProtectedByBaselineIngress"/>, which counts any Baseline Deny rule.
    /// </summary>
    public int CatchAllIngress { get; init; }

    /// <summary>
    /// As <see cref="CatchAllIngress"/> for egress, where the catch-all must also deny every address
    /// (<c>networks</c> covering 0.0.0.0/0 and ::/0).
    /// </summary>
    public int CatchAllEgress { get; init; }

    /// <summary>Pods a cluster policy catch-all Deny closes for the direction.</summary>
    public int CatchAll(Direction direction) => direction == Direction.Ingress ? CatchAllIngress : CatchAllEgress;

    /// <summary>Counts of nothing.</summary>
    public static TierCoverage Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Pods a policy of the tier selects for the direction.</summary>
    public int Subjects(ClusterPolicyTier tier, Direction direction) => (tier, direction) switch
    {
        (ClusterPolicyTier.Admin, Direction.Ingress) => AdminIngress,
        (ClusterPolicyTier.Admin, _) => AdminEgress,
        (_, Direction.Ingress) => BaselineIngress,
        _ => BaselineEgress,
    };

    /// <summary>Pods protected by a Baseline Deny for the direction (no NetworkPolicy isolates them).</summary>
    public int ProtectedByBaseline(Direction direction) => direction == Direction.Ingress ? ProtectedByBaselineIngress : ProtectedByBaselineEgress;

    /// <summary>The sum of two counts.</summary>
    public TierCoverage Add(TierCoverage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            AdminIngress + other.AdminIngress,
            AdminEgress + other.AdminEgress,
            BaselineIngress + other.BaselineIngress,
            BaselineEgress + other.BaselineEgress,
            ProtectedByBaselineIngress + other.ProtectedByBaselineIngress,
            ProtectedByBaselineEgress + other.ProtectedByBaselineEgress)
        {
            CatchAllIngress = CatchAllIngress + other.CatchAllIngress,
            CatchAllEgress = CatchAllEgress + other.CatchAllEgress,
        };
    }
}
