using Netpol.Core.Model;

namespace Netpol.Analysis.Coverage;

/// <summary>
/// Pod counts of a namespace or of the whole run. A pod is isolated for a direction when some policy selects it for
/// that direction; hostNetwork pods never are (NetworkPolicy does not apply to them), so they count as open.
/// </summary>
/// <param name="Pods">Every pod counted (real pods and workloads' synthetic pods), hostNetwork pods included.</param>
/// <param name="IngressIsolated">Pods some policy selects for ingress.</param>
/// <param name="EgressIsolated">Pods some policy selects for egress.</param>
/// <param name="Open">Pods isolated in neither direction (hostNetwork pods included).</param>
/// <param name="HostNetwork">hostNetwork pods: never isolated, also counted in <paramref name="Open"/>.</param>
public sealed record CoverageCounts(int Pods, int IngressIsolated, int EgressIsolated, int Open, int HostNetwork)
{
    /// <summary>Counts of nothing.</summary>
    public static CoverageCounts Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>What the cluster network policy tiers cover (all zero when the input has none).</summary>
    public TierCoverage Tiers { get; init; } = TierCoverage.Zero;

    /// <summary>The percentage of pods isolated for ingress; null when there are no pods.</summary>
    public double? IngressPercent => Percent(IngressIsolated, Pods);

    /// <summary>The percentage of pods isolated for egress; null when there are no pods.</summary>
    public double? EgressPercent => Percent(EgressIsolated, Pods);

    /// <summary>Pods isolated for the direction.</summary>
    public int Isolated(Direction direction) => direction == Direction.Ingress ? IngressIsolated : EgressIsolated;

    /// <summary>The percentage of pods isolated for the direction; null when there are no pods.</summary>
    public double? PercentOf(Direction direction) => direction == Direction.Ingress ? IngressPercent : EgressPercent;

    /// <summary>
    /// <paramref name="part"/> of <paramref name="total"/> in percent, rounded down to one decimal place, so that
    /// 100 means all and a threshold with one decimal passes exactly when the true share reaches it; null for a total of 0.
    /// </summary>
    public static double? Percent(int part, int total)
    {
        if (total <= 0)
        {
            return null;
        }

        var tenths = (long)part * 1000 / total;
        return tenths / 10.0;
    }

    /// <summary>The sum of two counts.</summary>
    public CoverageCounts Add(CoverageCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Pods + other.Pods, IngressIsolated + other.IngressIsolated, EgressIsolated + other.EgressIsolated, Open + other.Open, HostNetwork + other.HostNetwork)
        {
            Tiers = Tiers.Add(other.Tiers),
        };
    }
}
