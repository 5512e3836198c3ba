using Netpol.Core.Model;

namespace Netpol.Core.Explain;

/// <summary>
/// The verdict on one connection and the reasoning for it, per direction. <see cref="Allowed"/> is the reference
/// evaluator's verdict, tiers included.
/// </summary>
public sealed record ConnectionExplanation(
    Endpoint From,
    Endpoint To,
    int Port,
    Protocol Protocol,
    bool Allowed,
    bool SamePod,
    DirectionExplanation Egress,
    DirectionExplanation Ingress,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Suggestions)
{
    /// <summary>True when the cluster has cluster network policies, so the explanation walks the tiers.</summary>
    public bool Tiered { get; init; }

    /// <summary>
    /// Pairs of cluster network policies whose order the API leaves undefined and that decide the connection
    /// differently; each says what the connection gets the other way.
    /// </summary>
    public IReadOnlyList<UndefinedOrder> UndefinedOrders { get; init; } = [];

    /// <summary>True when a side's verdict depends on DNS (a <c>domainNames</c> rule was reached and counted as not matching).</summary>
    public bool DependsOnDns => !SamePod && (Egress.DependsOnDns || Ingress.DependsOnDns);

    /// <summary>The rules with <c>domainNames</c> peers the verdict depends on.</summary>
    public IEnumerable<TierStep> DnsSteps => SamePod ? [] : Egress.TierSteps.Concat(Ingress.TierSteps).Where(s => s.DependsOnDns);
}
