using System.Text.Json;
using Netpol.Analysis.Check;
using Netpol.Analysis.Cni;
using Netpol.Core.Explain;
using Netpol.Core.Model;

namespace Netpol.Rendering.Json;

/// <summary>Writes a check as JSON: the same facts as the text, as data.</summary>
public static class CheckJsonRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(CheckResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        JsonOutput.Write(w, j =>
        {
            j.WriteStartObject();
            j.WriteString("from", result.From);
            j.WriteString("to", result.To);
            if (result.Port is { } p)
            {
                j.WriteNumber("port", p);
            }

            j.WriteString("protocol", result.Protocol.ToString());
            j.WriteBoolean("allowed", result.Allowed);
            if (result.Cni is { } cni)
            {
                j.WriteString("cni", cni);
            }

            j.WriteStartArray("pairs");
            foreach (var c in result.Cases)
            {
                WritePair(j, c.Explanation, c.ToVia, c.Profiles);
            }

            j.WriteEndArray();
            j.WriteEndObject();
        });
    }

    /// <summary>One explained pod pair as an object: the shape of a check's <c>pairs[]</c>, reused by audit.</summary>
    internal static void WritePair(Utf8JsonWriter j, ConnectionExplanation e, string? via, IReadOnlyList<CniVerdict>? profiles = null)
    {
        j.WriteStartObject();
        j.WriteString("from", e.From.Name);
        j.WriteString("to", e.To.Name);
        if (via is not null)
        {
            j.WriteString("via", via);
        }

        j.WriteNumber("port", e.Port);
        j.WriteString("protocol", e.Protocol.ToString());
        j.WriteBoolean("allowed", e.Allowed);
        j.WriteBoolean("samePod", e.SamePod);
        Side(j, "egress", e.Egress, e.Tiered);
        Side(j, "ingress", e.Ingress, e.Tiered);
        Strings(j, "notes", e.Notes);
        Strings(j, "suggestions", e.Suggestions);
        if (e.Tiered)
        {
            // Added with the tiers (issue 8), only for inputs with cluster network policies: other output is unchanged.
            j.WriteBoolean("dependsOnDns", e.DependsOnDns);
            Strings(j, "dnsRules", e.DnsSteps.Select(s => s.Reference));
            j.WriteStartArray("undefinedOrder");
            foreach (var u in e.UndefinedOrders)
            {
                j.WriteStartObject();
                Strings(j, "policies", [ClusterPolicyNames.Short(u.First), ClusterPolicyNames.Short(u.Second)]);
                j.WriteString("tier", u.Tier.ToString());
                j.WriteNumber("priority", u.Priority);
                j.WriteString("direction", u.Direction == Direction.Ingress ? "ingress" : "egress");
                Strings(j, "actions", [u.FirstAction.ToString(), u.SecondAction.ToString()]);
                j.WriteBoolean("allowed", e.Allowed);
                j.WriteBoolean("alternativeAllowed", u.AlternativeAllowed);
                j.WriteString("alternativePorts", u.AlternativePorts.ToString());
                j.WriteEndObject();
            }

            j.WriteEndArray();
        }

        if (profiles is { Count: > 0 })
        {
            // With --cni: each profile compared (portable first), with the reasons it differs from portable.
            CniJson.WriteVerdicts(j, "cni", profiles, ports: false);
        }

        j.WriteEndObject();
    }

    private static void Tiers(Utf8JsonWriter j, DirectionExplanation side)
    {
        j.WriteString("decidedBy", side.DecidedBy switch
        {
            TierDecision.Admin => "admin",
            TierDecision.NetworkPolicy => "networkPolicy",
            TierDecision.Baseline => "baseline",
            TierDecision.Default => "default",
            _ => "none",
        });
        j.WriteBoolean("networkPolicyAllowed", side.NetworkPolicyAllowed);
        j.WriteBoolean("dependsOnDns", side.DependsOnDns);
        j.WriteStartArray("tiers");
        foreach (var s in side.TierSteps)
        {
            j.WriteStartObject();
            j.WriteString("tier", s.Tier.ToString());
            j.WriteString("policy", s.Policy.Name);
            j.WriteString("kind", s.Policy.Kind);
            j.WriteNumber("priority", s.Policy.Priority);
            j.WriteString("rule", $"{(s.Direction == Direction.Ingress ? "ingress" : "egress")}[{s.RuleIndex}]");
            j.WriteString("ruleName", s.RuleName);
            j.WriteString("reference", s.Reference);
            j.WriteString("action", s.Action.ToString());
            j.WriteString("ports", s.Ports.ToString());
            j.WriteBoolean("matched", s.Matched);
            j.WriteString("result", s.Result switch
            {
                TierStepResult.Matched => "matched",
                TierStepResult.PeerNotMatched => "peerNotMatched",
                TierStepResult.PortNotMatched => "portNotMatched",
                _ => "dependsOnDns",
            });
            j.WriteString("reason", s.Reason);
            j.WriteEndObject();
        }

        j.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter j, string name, IEnumerable<string> items)
    {
        j.WriteStartArray(name);
        foreach (var s in items)
        {
            j.WriteStringValue(s);
        }

        j.WriteEndArray();
    }

    private static void Side(Utf8JsonWriter j, string name, DirectionExplanation side, bool tiered)
    {
        j.WriteStartObject(name);
        j.WriteString("endpoint", side.Subject.Name);
        j.WriteBoolean("allowed", side.Allowed);
        j.WriteBoolean("isolated", side.Status == IsolationStatus.Isolated);
        j.WriteString("status", side.Status switch
        {
            IsolationStatus.External => "external",
            IsolationStatus.HostNetwork => "hostNetwork",
            IsolationStatus.NotIsolated => "notIsolated",
            _ => "isolated",
        });
        Strings(j, "policies", side.SelectingPolicies.Select(p => p.FullName));
        j.WriteString("allowedPorts", side.AllowedPorts.ToString());
        j.WriteStartArray("rules");
        foreach (var r in side.Rules)
        {
            j.WriteStartObject();
            j.WriteString("policy", r.Policy.FullName);
            j.WriteString("rule", $"{name}[{r.RuleIndex}]");
            j.WriteString("reference", r.Reference);
            j.WriteBoolean("allows", r.Allows);
            j.WriteBoolean("peerMatched", r.PeerMatched);
            j.WriteBoolean("portMatched", r.PortMatched);
            j.WriteString("peers", r.PeerText);
            j.WriteString("ports", r.Ports.ToString());
            Strings(j, "peerMisses", r.PeerMisses);
            j.WriteEndObject();
        }

        j.WriteEndArray();
        if (tiered)
        {
            Tiers(j, side);
        }

        j.WriteEndObject();
    }
}
