using Netpol.Analysis.Cni;
using Netpol.Core.Engine;
using Netpol.Core.Profiles;

namespace Netpol.Rendering.Text;

/// <summary>How network plugin profile verdicts read in text, shared by check and matrix.</summary>
internal static class CniText
{
    /// <summary><c>allowed</c>/<c>DENIED</c> on a probe; the allowed ports (or <c>none</c>) without one.</summary>
    public static string Verdict(CniVerdict v, Probe? probe) => probe is null
        ? (v.Ports.IsEmpty ? "none" : v.Ports.ToString())
        : v.Allowed ? "allowed" : "DENIED";

    /// <summary>One reason: <c>ipBlock does not match pod IPs [documented: https://..]</c>.</summary>
    public static string Reason(ProfileEvidence r) =>
        $"{r.Reason} [{r.Evidence.ToString().ToLowerInvariant()}: {r.Source}]";
}
