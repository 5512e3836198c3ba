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
        w.WriteLine($"{(e.Allowed ? "ALLOWED" : "DENIED")}: {e.From} -> {e.To}{via} on {e.Port}/{e.Protocol}");
        foreach (var note in e.Notes)
        {
            w.WriteLine($"  note: {note}");
        }

        if (e.SamePod)
        {
            return;
        }

        WriteSide(e.Egress, w);
        WriteSide(e.Ingress, w);
        if (e.Suggestions.Count > 0)
        {
            w.WriteLine("  to allow it:");
            foreach (var s in e.Suggestions)
            {
                w.WriteLine($"    - {s}");
            }
        }
    }

    private static void WriteSide(DirectionExplanation side, TextWriter w)
    {
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
        foreach (var r in side.AllowingRules)
        {
            w.WriteLine($"    allowed by {r.Reference}: {r.PeerText} on {r.Ports}");
        }

        if (side.Allowed)
        {
            return;
        }

        if (side.Rules.Count == 0)
        {
            w.WriteLine($"    no {side.Direction.ToString().ToLowerInvariant()} rules: the selecting policies deny all {side.Direction.ToString().ToLowerInvariant()}");
            return;
        }

        foreach (var r in side.Rules)
        {
            var dir = r.Direction == Direction.Ingress ? "ingress" : "egress";
            var where = $"{r.Policy.Name} {dir}[{r.RuleIndex}]";
            if (r.PeerMatched && !r.PortMatched)
            {
                w.WriteLine($"    near miss: {where} allows {r.PeerText} but only {r.Ports}");
            }
            else if (!r.PeerMatched && r.PortMatched)
            {
                w.WriteLine($"    near miss: {where} allows {r.Ports} but not this peer:");
                foreach (var m in r.PeerMisses)
                {
                    w.WriteLine($"      {m}");
                }
            }
            else
            {
                w.WriteLine($"    no match: {where} allows {r.PeerText} on {r.Ports}");
            }
        }
    }
}
