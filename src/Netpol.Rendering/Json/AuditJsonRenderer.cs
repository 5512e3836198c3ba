using System.Globalization;
using System.Text.Json;
using Netpol.Analysis.Audit;
using Netpol.Core.Explain;

namespace Netpol.Rendering.Json;

/// <summary>
/// Writes an audit as JSON, a contract: <c>summary</c> (flows, denied, allowed, skipped, unknown, window and the
/// skip breakdown), <c>denied</c> (with <c>deniedBy</c> and the check explanation of each group), <c>rules</c>,
/// <c>unusedRules</c>, <c>clusterRules</c>, <c>unusedClusterRules</c>, <c>silentWorkloads</c> and <c>unknown</c>. Streamed: a log with many denied groups is not held in memory twice.
/// </summary>
public static class AuditJsonRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(AuditResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        JsonStreamOutput.Write(w, (j, flush) =>
        {
            var s = result.Summary;
            j.WriteStartObject();
            j.WriteStartObject("summary");
            j.WriteNumber("flows", s.Flows);
            j.WriteNumber("denied", s.Denied);
            j.WriteNumber("allowed", s.Allowed);
            j.WriteNumber("skipped", s.Skipped.Flows);
            j.WriteNumber("unknown", s.UnknownEndpoints);
            j.WriteStartObject("window");
            Time(j, "from", s.From);
            Time(j, "to", s.To);
            j.WriteEndObject();
            j.WriteNumber("skippedReplies", s.Skipped.Replies);
            j.WriteNumber("skippedNonL4", s.Skipped.NonL4);
            j.WriteNumber("notFlows", s.Skipped.NotFlows);
            j.WriteNumber("unknownFlows", s.UnknownFlows);
            j.WriteEndObject();

            j.WriteStartArray("denied");
            foreach (var d in result.Denied)
            {
                j.WriteStartObject();
                j.WriteString("from", d.From);
                j.WriteString("to", d.To);
                j.WriteNumber("port", d.Port);
                j.WriteString("protocol", d.Protocol.ToString());
                j.WriteNumber("count", d.Count);
                j.WriteNumber("pairs", d.Pairs);
                Time(j, "first", d.First);
                Time(j, "last", d.Last);
                j.WriteStartArray("deniedBy");
                foreach (var by in d.DeniedBy)
                {
                    j.WriteStringValue(by);
                }

                j.WriteEndArray();
                j.WritePropertyName("explanation");
                CheckJsonRenderer.WritePair(j, d.Explanation, null);
                j.WriteEndObject();
                flush();
            }

            j.WriteEndArray();
            j.WriteStartArray("rules");
            foreach (var r in result.Rules)
            {
                j.WriteStartObject();
                j.WriteString("policy", r.Policy.FullName);
                j.WriteString("rule", r.Rule);
                j.WriteNumber("flows", r.Flows);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartArray("unusedRules");
            foreach (var r in result.UnusedRules)
            {
                j.WriteStartObject();
                j.WriteString("policy", r.Policy.FullName);
                j.WriteString("rule", r.Rule);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartArray("clusterRules");
            foreach (var r in result.ClusterRules)
            {
                j.WriteStartObject();
                ClusterRule(j, r);
                j.WriteString("action", r.ClusterRule.Action.ToString());
                j.WriteNumber("flows", r.Flows);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartArray("unusedClusterRules");
            foreach (var r in result.UnusedClusterRules)
            {
                j.WriteStartObject();
                ClusterRule(j, r);
                j.WriteString("action", r.ClusterRule.Action.ToString());
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartArray("silentWorkloads");
            foreach (var s2 in result.SilentWorkloads)
            {
                j.WriteStringValue(s2.Name);
            }

            j.WriteEndArray();
            j.WriteStartArray("unknown");
            foreach (var u in result.Unknown)
            {
                j.WriteStartObject();
                j.WriteString("endpoint", u.Endpoint);
                j.WriteNumber("flows", u.Flows);
                j.WriteString("reason", u.Reason);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            if (result.Cni is { } cni)
            {
                // Only under --cni: without it the document is unchanged.
                j.WriteString("cni", cni.Name);
                j.WriteStartArray("ignoredClusterPolicies");
                foreach (var p in result.IgnoredClusterPolicies)
                {
                    j.WriteStringValue(ClusterPolicyNames.Short(p));
                }

                j.WriteEndArray();
            }

            j.WriteEndObject();
        });
    }

    private static void ClusterRule(Utf8JsonWriter j, ClusterRuleUsage r)
    {
        j.WriteString("policy", ClusterPolicyNames.Short(r.Policy));
        j.WriteString("kind", r.Policy.Kind);
        j.WriteString("tier", r.Policy.Tier.ToString());
        j.WriteNumber("priority", r.Policy.Priority);
        j.WriteString("rule", r.Rule);
        j.WriteString("ruleName", r.ClusterRule.Name);
        j.WriteString("reference", r.Reference);
    }

    private static void Time(Utf8JsonWriter j, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            j.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            j.WriteNull(name);
        }
    }
}
