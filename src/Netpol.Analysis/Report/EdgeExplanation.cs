using Netpol.Analysis.Check;
using Netpol.Core.Explain;

namespace Netpol.Analysis.Report;

/// <summary>The <c>check</c> explanation of one edge of the report's graph (by index), on the edge's first port.</summary>
public sealed record EdgeExplanation(int Edge, CheckCase Case)
{
    /// <summary>
    /// What decided each side of the flow, source's egress first, as <c>netpol check</c> walks the tiers. Empty when
    /// the cluster has no cluster network policies (NetworkPolicy alone decides).
    /// </summary>
    public IReadOnlyList<EdgeDecision> Decisions =>
    [
        .. new[] { Case.Explanation.Egress, Case.Explanation.Ingress }
            .Where(side => side.Tiered)
            .Select(side => new EdgeDecision(side.Direction, side.DecidedBy, side.DecidingStep, side.Allowed)),
    ];

    /// <summary>The tier rule whose Deny denied the flow, when a cluster network policy rather than NetworkPolicy did.</summary>
    public TierStep? DeniedBy => Decisions.FirstOrDefault(d => !d.Allowed && d.Rule is not null)?.Rule;
}
