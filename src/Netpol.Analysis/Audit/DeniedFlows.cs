using Netpol.Core.Explain;
using Netpol.Core.Model;

namespace Netpol.Analysis.Audit;

/// <summary>
/// Observed flows the policies would deny, from one workload (or external address) to another on one port. The
/// explanation is that of the pod pair with the most flows; pods of one workload share a template, so it speaks
/// for all of them.
/// </summary>
/// <param name="From">The source workload (<c>ns/deploy/web</c>, <c>ns/pod</c> for a pod without owner) or address.</param>
/// <param name="To">The destination workload or address.</param>
/// <param name="Port">The destination port.</param>
/// <param name="Protocol">The protocol.</param>
/// <param name="Count">How many flows.</param>
/// <param name="Pairs">How many distinct endpoint pairs the flows were between.</param>
/// <param name="First">The first time such a flow was seen, when the log has times.</param>
/// <param name="Last">The last time such a flow was seen.</param>
/// <param name="Explanation">Why it is denied, as <c>netpol check</c> explains it.</param>
public sealed record DeniedFlows(
    string From,
    string To,
    int Port,
    Protocol Protocol,
    long Count,
    int Pairs,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    ConnectionExplanation Explanation)
{
    /// <summary>
    /// What denied the flows, one entry per side that denies them, egress first: a tier Deny as <c>netpol check</c>
    /// names it (<c>[Admin] cnp/deny-dev-to-prod ingress[0]</c>, <c>[Baseline] cnp/default-deny egress[1]</c>), or
    /// NetworkPolicy isolation (<c>[NetworkPolicy] ingress isolation by ns/name</c>, and
    /// <c>[NetworkPolicy] ingress default deny by ns/name</c> when the isolating policies have no rule for the direction).
    /// </summary>
    public IReadOnlyList<string> DeniedBy { get; init; } = [];
}
