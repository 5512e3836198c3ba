namespace Netpol.Core.Profiles;

/// <summary>
/// Why a profile behaves as it does: a short reason in the plugin's terms, the source that says so and how firm
/// that source is. Verdict differences cite it; docs/cni-profiles.md lists every one.
/// </summary>
/// <param name="Behaviour">The behaviour it supports.</param>
/// <param name="Reason">One line, e.g. "ipBlock does not match pod IPs (pods are matched by identity)".</param>
/// <param name="Source">The URL of the source.</param>
/// <param name="Evidence">How firm the source is.</param>
public sealed record ProfileEvidence(CniBehaviour Behaviour, string Reason, string Source, EvidenceLevel Evidence);
