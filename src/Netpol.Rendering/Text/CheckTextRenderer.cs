using Netpol.Analysis.Check;
using Netpol.Core.Explain;
using Netpol.Core.Model;

namespace Netpol.Rendering.Text;

/// <summary>Writes a check's verdict and its reasoning, direction by direction, for people.</summary>
public static class CheckTextRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(CheckResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        var multi = result.Cases.Count > 1;
        if (multi)
        {
            var allowed = result.Cases.Count(c => c.Explanation.Allowed);
            w.WriteLine($"{(result.Allowed ? "ALLOWED" : "DENIED")}: {result.From} -> {result.To}: {allowed} of {result.Cases.Count} pod pairs allowed");
            w.WriteLine();
        }

        foreach (var c in result.Cases)
        {
            WriteCase(c, w);
            WriteProfiles(result, c, w);
            if (multi)
            {
                w.WriteLine();
            }
        }
    }

    /// <summary>One pair's verdict and reasoning, exactly as <c>netpol check</c> prints it (also used by <c>netpol test</c>).</summary>
    internal static void WriteCase(CheckCase c, TextWriter w)
    {
        var e = c.Explanation;
        var via = c.ToVia is null ? string.Empty : $" (via {c.ToVia})";
        var dns = e.DependsOnDns ? $" (depends on DNS: {string.Join(", ", e.DnsSteps.Select(s => s.Reference))})" : string.Empty;
        w.WriteLine($"{(e.Allowed ? "ALLOWED" : "DENIED")}: {e.From} -> {e.To}{via} on {e.Port}/{e.Protocol}{dns}");
        foreach (var note in e.Notes)
        {
            w.WriteLine($"  note: {note}");
        }

        foreach (var u in e.UndefinedOrders)
        {
            var first = ClusterPolicyNames.Short(u.First);
            var second = ClusterPolicyNames.Short(u.Second);
            w.WriteLine($"  warning: undefined: {first} and {second} have the same priority {u.Priority} ({u.Tier} tier, {Side(u.Direction)} of {(u.Direction == Direction.Egress ? e.From : e.To)}); " +
                $"netpol applies {first} first ({u.FirstAction}): {(e.Allowed ? "allowed" : "denied")}; with {second} first ({u.SecondAction}): {(u.AlternativeAllowed ? "allowed" : "denied")}");
        }

        if (e.SamePod)
        {
            return;
        }

        var probe = $"{e.Port}/{e.Protocol}";
        WriteSide(e.Egress, probe, w);
        WriteSide(e.Ingress, probe, w);
        if (e.Suggestions.Count > 0)
        {
            w.WriteLine("  to allow it:");
            foreach (var s in e.Suggestions)
            {
                w.WriteLine($"    - {s}");
            }
        }
    }

    // Under one plugin: a line only where it differs from portable. With --cni all: every profile's verdict.
    private static void WriteProfiles(CheckResult result, CheckCase c, TextWriter w)
    {
        if (result.Cni is null || c.Profiles.Count == 0)
        {
            return;
        }

        if (result.Cni != "all")
        {
            var portable = c.Profiles[0];
            var profile = c.Profiles[^1];
            if (!c.ProfilesDiffer)
            {
                w.WriteLine($"  network plugin {profile.Profile}: same verdict as portable");
                return;
            }

            w.WriteLine($"  network plugin {profile.Profile}: differs from portable (portable: {(portable.Allowed ? "ALLOWED" : "DENIED")}, {profile.Profile}: {(profile.Allowed ? "ALLOWED" : "DENIED")})");
            foreach (var r in profile.Reasons)
            {
                w.WriteLine($"    because {CniText.Reason(r)}");
            }

            return;
        }

        w.WriteLine(c.ProfilesDiffer ? "  verdict per network plugin (they differ):" : "  verdict per network plugin (all agree):");
        var width = c.Profiles.Max(v => v.Profile.Length);
        foreach (var v in c.Profiles)
        {
            w.WriteLine($"    {v.Profile.PadRight(width)}  {(v.Allowed ? "ALLOWED" : "DENIED")}");
            foreach (var r in v.Reasons)
            {
                w.WriteLine($"      because {CniText.Reason(r)}");
            }
        }
    }

    private static void WriteSide(DirectionExplanation side, string probe, TextWriter w)
    {
        if (side.Tiered)
        {
            WriteTieredSide(side, probe, w);
            return;
        }

        var name = side.Direction == Direction.Egress ? "egress of" : "ingress of";
        var verdict = side.Allowed ? "allows" : "denies";
        switch (side.Status)
        {
            case IsolationStatus.External:
                w.WriteLine($"  {name} {side.Subject}: {verdict} (an address outside the cluster: no NetworkPolicy applies to it)");
                return;
            case IsolationStatus.HostNetwork:
                w.WriteLine($"  {name} {side.Subject}: {verdict} (hostNetwork pod: not subject to NetworkPolicy)");
                return;
            case IsolationStatus.NotIsolated:
                w.WriteLine($"  {name} {side.Subject}: {verdict} (no policy selects it for {side.Direction}: not isolated)");
                return;
        }

        var policies = string.Join(", ", side.SelectingPolicies.Select(p => p.Name));
        w.WriteLine($"  {name} {side.Subject}: {verdict} (isolated by {policies})");
        WriteNetworkPolicyRules(side, side.Allowed, "    ", w);
    }

    private static void WriteNetworkPolicyRules(DirectionExplanation side, bool allowed, string indent, TextWriter w)
    {
        foreach (var r in side.AllowingRules)
        {
            w.WriteLine($"{indent}allowed by {r.Reference}: {r.PeerText} on {r.Ports}");
        }

        if (allowed)
        {
            return;
        }

        if (side.Rules.Count == 0)
        {
            w.WriteLine($"{indent}no {side.Direction.ToString().ToLowerInvariant()} rules: the selecting policies deny all {side.Direction.ToString().ToLowerInvariant()}");
            return;
        }

        foreach (var r in side.Rules)
        {
            var dir = r.Direction == Direction.Ingress ? "ingress" : "egress";
            var where = $"{r.Policy.Name} {dir}[{r.RuleIndex}]";
            if (r.PeerMatched && !r.PortMatched)
            {
                w.WriteLine($"{indent}near miss: {where} allows {r.PeerText} but only {r.Ports}");
            }
            else if (!r.PeerMatched && r.PortMatched)
            {
                w.WriteLine($"{indent}near miss: {where} allows {r.Ports} but not this peer:");
                foreach (var m in r.PeerMisses)
                {
                    w.WriteLine($"{indent}  {m}");
                }
            }
            else
            {
                w.WriteLine($"{indent}no match: {where} allows {r.PeerText} on {r.Ports}");
            }
        }
    }

    /// <summary>
    /// A side walked tier by tier: the Admin rules reached, NetworkPolicy when it isolates the pod, the Baseline rules
    /// reached, the default allow; one line per step, each starting with its tier in brackets.
    /// </summary>
    private static void WriteTieredSide(DirectionExplanation side, string probe, TextWriter w)
    {
        var word = Side(side.Direction);
        var decided = side.DecidedBy switch
        {
            TierDecision.Admin => "decided by the Admin tier",
            TierDecision.Baseline => "decided by the Baseline tier",
            TierDecision.NetworkPolicy => $"decided by NetworkPolicy: isolated by {string.Join(", ", side.SelectingPolicies.Select(p => p.Name))}",
            _ => "no tier decides: the default allows",
        };
        w.WriteLine($"  {word} of {side.Subject}: {(side.Allowed ? "allows" : "denies")} ({decided})");
        WriteTier(side, side.AdminSteps, "[Admin]", probe, w);
        if (side.DecidedBy == TierDecision.Admin)
        {
            return;
        }

        if (side.Status == IsolationStatus.Isolated)
        {
            var policies = string.Join(", ", side.SelectingPolicies.Select(p => p.Name));
            w.WriteLine($"    [NetworkPolicy] isolated by {policies}: {(side.NetworkPolicyAllowed ? "allows" : "denies")}");
            WriteNetworkPolicyRules(side, side.NetworkPolicyAllowed, "      ", w);
            return;
        }

        w.WriteLine($"    [NetworkPolicy] not isolated: no NetworkPolicy selects it for {word}");
        WriteTier(side, side.BaselineSteps, "[Baseline]", probe, w);
        if (side.DecidedBy == TierDecision.Default)
        {
            w.WriteLine($"    [Default] allow: no tier decided {probe}");
        }
    }

    private static void WriteTier(DirectionExplanation side, IReadOnlyList<TierStep> steps, string tier, string probe, TextWriter w)
    {
        var word = Side(side.Direction);
        if (steps.Count == 0)
        {
            w.WriteLine($"    {tier} no {tier.Trim('[', ']')} policy with {word} rules selects {side.Subject}");
            return;
        }

        var peers = side.Direction == Direction.Ingress ? "from" : "to";
        foreach (var s in steps)
        {
            var name = s.RuleName is { } n ? $" (rule \"{n}\")" : string.Empty;
            switch (s.Result)
            {
                case TierStepResult.Matched:
                    var then = s.Action != ClusterRuleAction.Pass ? string.Empty
                        : s.Tier == ClusterPolicyTier.Baseline ? "; passes on to the default (allow)"
                        : side.Status == IsolationStatus.Isolated ? "; passes on to NetworkPolicy"
                        : "; passes on to the Baseline tier (no NetworkPolicy isolates the pod)";
                    w.WriteLine($"    {s.Reference} {s.Action} {probe}{name}: {peers}[{s.PeerIndex}] {s.Reason}{then}");
                    break;
                case TierStepResult.DependsOnDns:
                    w.WriteLine($"    {s.Reference} depends on DNS ({s.Action}){name}: {s.Reason}");
                    break;
                default:
                    w.WriteLine($"    {s.Reference} not matched ({s.Action}){name}: {s.Reason}");
                    break;
            }
        }
    }

    private static string Side(Direction d) => d == Direction.Ingress ? "ingress" : "egress";
}
