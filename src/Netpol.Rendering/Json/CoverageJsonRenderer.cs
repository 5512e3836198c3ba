using System.Text.Json;
using Netpol.Analysis.Coverage;
using Netpol.Analysis.Matrix;

namespace Netpol.Rendering.Json;

/// <summary>
/// Writes coverage as JSON, a contract for other tools:
/// <c>{"summary":{...},"namespaces":[...],"pods":[...],"by":"pod","thresholds":[...]}</c>. Percentages have at most one
/// decimal place and are <c>null</c> where there are no pods. With <c>--by workload</c> the <c>pods</c> entries are
/// workloads and also carry their pod count and how many of their pods each direction isolates. With <c>--cni NAME</c>:
/// top-level <c>cni</c> and <c>ignoredClusterPolicies</c>, <c>summary.portableTiers</c>, and per entry <c>cniDiffers</c>
/// (with <c>portableTiers</c> and <c>portableClusterPolicies</c> where it is true).
/// </summary>
public static class CoverageJsonRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(CoverageResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        JsonStreamOutput.Write(w, (j, flush) =>
        {
            j.WriteStartObject();
            j.WriteStartObject("summary");
            Counts(j, result.Summary, result.Tiered);
            if (result.Cni is not null && result.Tiered && result.PortableTiers is { } portableTiers)
            {
                Tiers(j, portableTiers, "portableTiers");
            }

            j.WriteEndObject();
            j.WriteStartArray("namespaces");
            foreach (var n in result.Namespaces)
            {
                j.WriteStartObject();
                j.WriteString("name", n.Name);
                Counts(j, n.Counts, result.Tiered);
                j.WriteBoolean("defaultDenyIngress", n.DefaultDenyIngress);
                j.WriteBoolean("defaultDenyEgress", n.DefaultDenyEgress);
                Strings(j, "policies", n.Policies);
                Strings(j, "defaultDenyIngressPolicies", n.DefaultDenyIngressPolicies);
                Strings(j, "defaultDenyEgressPolicies", n.DefaultDenyEgressPolicies);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartArray("pods");
            foreach (var e in result.Entries)
            {
                j.WriteStartObject();
                j.WriteString("name", e.Name);
                j.WriteString("namespace", e.Namespace);
                j.WriteBoolean("ingress", e.Ingress);
                j.WriteBoolean("egress", e.Egress);
                Strings(j, "ingressPolicies", e.IngressPolicies);
                Strings(j, "egressPolicies", e.EgressPolicies);
                j.WriteBoolean("hostNetwork", e.HostNetwork);
                if (result.By == Grouping.Workload)
                {
                    j.WriteNumber("pods", e.Pods);
                    j.WriteNumber("ingressIsolatedPods", e.IngressIsolatedPods);
                    j.WriteNumber("egressIsolatedPods", e.EgressIsolatedPods);
                }

                if (result.Tiered)
                {
                    Tiers(j, e.Tiers);
                    Strings(j, "clusterPolicies", e.ClusterPolicies);
                }

                if (result.Cni is not null)
                {
                    // Only with --cni: whether the plugin protects the entry differently from portable, and how portable does.
                    j.WriteBoolean("cniDiffers", e.CniDiffers);
                    if (e.CniDiffers)
                    {
                        if (result.Tiered && e.PortableTiers is { } t)
                        {
                            Tiers(j, t, "portableTiers");
                        }

                        Strings(j, "portableClusterPolicies", e.PortableClusterPolicies ?? []);
                    }
                }

                j.WriteEndObject();
                flush();
            }

            j.WriteEndArray();
            j.WriteString("by", result.By == Grouping.Workload ? "workload" : "pod");
            j.WriteStartArray("thresholds");
            foreach (var t in result.Thresholds)
            {
                j.WriteStartObject();
                j.WriteString("direction", t.Direction.ToString().ToLowerInvariant());
                j.WriteNumber("minimum", t.Minimum);
                Percent(j, "percent", t.Percent);
                j.WriteBoolean("passed", t.Passed);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            if (result.Cni is not null)
            {
                j.WriteString("cni", result.Cni);
                Strings(j, "ignoredClusterPolicies", result.IgnoredClusterPolicies);
            }

            j.WriteEndObject();
        });
    }

    private static void Counts(Utf8JsonWriter j, CoverageCounts c, bool tiered)
    {
        j.WriteNumber("pods", c.Pods);
        j.WriteNumber("ingressIsolated", c.IngressIsolated);
        j.WriteNumber("egressIsolated", c.EgressIsolated);
        Percent(j, "ingressPercent", c.IngressPercent);
        Percent(j, "egressPercent", c.EgressPercent);
        j.WriteNumber("open", c.Open);
        j.WriteNumber("hostNetwork", c.HostNetwork);
        if (tiered)
        {
            Tiers(j, c.Tiers);
        }
    }

    /// <summary>Pod counts of the tiers; written only for inputs with cluster network policies, so other output is unchanged.</summary>
    private static void Tiers(Utf8JsonWriter j, TierCoverage t, string name = "tiers")
    {
        j.WriteStartObject(name);
        j.WriteNumber("adminIngress", t.AdminIngress);
        j.WriteNumber("adminEgress", t.AdminEgress);
        j.WriteNumber("baselineIngress", t.BaselineIngress);
        j.WriteNumber("baselineEgress", t.BaselineEgress);
        j.WriteNumber("protectedByBaselineIngress", t.ProtectedByBaselineIngress);
        j.WriteNumber("protectedByBaselineEgress", t.ProtectedByBaselineEgress);
        j.WriteNumber("catchAllIngress", t.CatchAllIngress);
        j.WriteNumber("catchAllEgress", t.CatchAllEgress);
        j.WriteEndObject();
    }

    private static void Percent(Utf8JsonWriter j, string name, double? value)
    {
        if (value is { } v)
        {
            // The analysis keeps one decimal (tenths / 10.0), which JSON writes back as, e.g., 66.6.
            j.WriteNumber(name, v);
        }
        else
        {
            j.WriteNull(name);
        }
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
