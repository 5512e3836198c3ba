using Netpol.Core.Engine;
using Netpol.Core.Explain;
using Netpol.Lab.Traffic;

namespace Netpol.Lab.Probing;

/// <summary>
/// A pod pair where the kernel and the engine disagree: the engine's verdict and reasoning (as <c>netpol check</c>
/// explains it), what the probe saw, and the nft rules that decided the two directions.
/// </summary>
public sealed record LabDisagreement(
    string From,
    string To,
    Probe Probe,
    bool EngineAllowed,
    ProbeOutcome Observed,
    ConnectionExplanation Explanation,
    IReadOnlyList<string> EgressRules,
    IReadOnlyList<string> IngressRules);
