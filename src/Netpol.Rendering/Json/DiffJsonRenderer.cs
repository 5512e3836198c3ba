using System.Text.Json;
using Netpol.Analysis.Diff;
using Netpol.Analysis.Matrix;
using Netpol.Core.Model;
using Netpol.Rendering.Text;

namespace Netpol.Rendering.Json;

/// <summary>
/// Writes a diff as JSON, a contract for other tools:
/// <c>{"gained":[{"from","to","ports":[...]}],"lost":[...],"policies":{"added":[...],"removed":[...],
/// "modified":[{"name","fields":[...]}]},"endpoints":{"added":[...],"removed":[...]},"by":"workload",
/// "clusterPolicies":{"added":[...],"removed":[...],"modified":[{"name","kind","fields":[...],"changes":[{"field",
/// "change","before","after","ruleName"}]}]},"summary":{"gained":N,"lost":M,"policiesChanged":P,
/// "clusterPoliciesChanged":C}}</c>. With cluster network policies on either side, each connection also has
/// <c>"tierRules":[{"side","direction","rule","action","ruleName","ports"}]</c>. Ports are <c>"all"</c> or ranges such
/// as <c>"8080/TCP"</c>, <c>"1-65535/UDP"</c>.
/// </summary>
public static class DiffJsonRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(DiffResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        JsonStreamOutput.Write(w, (j, flush) =>
        {
            j.WriteStartObject();
            Connections(j, "gained", result.Gained, result.Tiered, flush);
            Connections(j, "lost", result.Lost, result.Tiered, flush);
            j.WriteStartObject("policies");
            Strings(j, "added", result.Policies.Added);
            Strings(j, "removed", result.Policies.Removed);
            j.WriteStartArray("modified");
            foreach (var m in result.Policies.Modified)
            {
                j.WriteStartObject();
                j.WriteString("name", m.Name);
                Strings(j, "fields", m.Fields);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
            ClusterPolicies(j, result.ClusterPolicies);
            j.WriteStartObject("endpoints");
            Strings(j, "added", result.Endpoints.Added);
            Strings(j, "removed", result.Endpoints.Removed);
            j.WriteEndObject();
            j.WriteString("by", result.By == Grouping.Workload ? "workload" : "pod");
            j.WriteStartObject("summary");
            j.WriteNumber("gained", result.Gained.Count);
            j.WriteNumber("lost", result.Lost.Count);
            j.WriteNumber("policiesChanged", result.Policies.Count);
            j.WriteNumber("clusterPoliciesChanged", result.ClusterPolicies.Count);
            j.WriteEndObject();
            if (result.Cni is { } cni)
            {
                // Only under --cni: without it the document is unchanged.
                j.WriteString("cni", cni.Name);
                Strings(j, "ignoredClusterPolicies", result.IgnoredClusterPolicies);
            }

            j.WriteEndObject();
        });
    }

    private static void ClusterPolicies(Utf8JsonWriter j, ClusterPolicyChanges changes)
    {
        j.WriteStartObject("clusterPolicies");
        Strings(j, "added", changes.Added);
        Strings(j, "removed", changes.Removed);
        j.WriteStartArray("modified");
        foreach (var m in changes.Modified)
        {
            j.WriteStartObject();
            j.WriteString("name", m.Name);
            j.WriteString("kind", m.Kind);
            Strings(j, "fields", m.Fields);
            j.WriteStartArray("changes");
            foreach (var c in m.Changes)
            {
                j.WriteStartObject();
                j.WriteString("field", c.Field);
                j.WriteString("change", c.Kind.ToString().ToLowerInvariant());
                j.WriteString("before", c.Before);
                j.WriteString("after", c.After);
                j.WriteString("ruleName", c.RuleName);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        j.WriteEndArray();
        j.WriteEndObject();
    }

    private static void Connections(Utf8JsonWriter j, string name, IReadOnlyList<ConnectionChange> changes, bool tiered, Action flush)
    {
        j.WriteStartArray(name);
        foreach (var c in changes)
        {
            j.WriteStartObject();
            j.WriteString("from", c.From);
            j.WriteString("to", c.To);
            Strings(j, "ports", PortText.Entries(c.Ports));
            if (tiered)
            {
                j.WriteStartArray("tierRules");
                foreach (var t in c.TierRules)
                {
                    j.WriteStartObject();
                    j.WriteString("side", t.Side);
                    j.WriteString("direction", t.Direction == Direction.Ingress ? "ingress" : "egress");
                    j.WriteString("rule", t.Rule);
                    j.WriteString("action", t.Action.ToString());
                    j.WriteString("ruleName", t.RuleName);
                    Strings(j, "ports", PortText.Entries(t.Ports));
                    j.WriteEndObject();
                }

                j.WriteEndArray();
            }

            j.WriteEndObject();
            flush();
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
}
