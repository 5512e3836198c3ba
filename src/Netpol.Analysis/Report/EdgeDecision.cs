using Netpol.Core.Explain;
using Netpol.Core.Model;

namespace Netpol.Analysis.Report;

/// <summary>What decided one side of an explained edge: the step of the evaluation order and, for a tier, its rule.</summary>
/// <param name="Direction">Egress for the source's side, ingress for the destination's.</param>
/// <param name="DecidedBy">The Admin tier, NetworkPolicy, the Baseline tier or the default allow.</param>
/// <param name="Rule">The cluster network policy rule whose Accept or Deny decided the side, when a tier did.</param>
/// <param name="Allowed">The side's verdict on the explained port.</param>
public sealed record EdgeDecision(Direction Direction, TierDecision DecidedBy, TierStep? Rule, bool Allowed);
