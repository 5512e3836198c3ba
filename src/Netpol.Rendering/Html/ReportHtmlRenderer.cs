using System.Text;
using System.Text.Json;
using Netpol.Analysis.Graph;
using Netpol.Analysis.Report;
using Netpol.Core;
using Netpol.Core.Diagnostics;
using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Rendering.Graph;
using Netpol.Rendering.Text;

namespace Netpol.Rendering.Html;

/// <summary>
/// <c>netpol report</c>: one self-contained HTML file that works offline. The report's data is one JSON blob in the
/// page; the graph library (Cytoscape.js with the dagre layered layout, pinned by Html/vendor/package-lock.json)
/// and the page's own script and styles are inlined; nothing is fetched when the page is viewed.
/// </summary>
public static class ReportHtmlRenderer
{
    private const string CytoscapeResource = "netpol.report.vendor.cytoscape.js";
    private const string DagreResource = "netpol.report.vendor.cytoscape-dagre.js";

    /// <summary>True when the graph library was bundled into this build (npm ci had run in src/Netpol.Rendering/Html/vendor).</summary>
    public static bool IsAvailable =>
        typeof(ReportHtmlRenderer).Assembly.GetManifestResourceInfo(CytoscapeResource) is not null
        && typeof(ReportHtmlRenderer).Assembly.GetManifestResourceInfo(DagreResource) is not null;

    /// <summary>What to do when <see cref="IsAvailable"/> is false.</summary>
    public const string MissingBundleMessage =
        "this netpol was built without the report's JavaScript bundle (Cytoscape.js): run 'npm ci --prefix src/Netpol.Rendering/Html/vendor' in the netpol repository, then rebuild (see docs/report.md)";

    /// <summary>Writes the page.</summary>
    public static void Write(ReportResult report, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(w);
        if (!IsAvailable)
        {
            throw new NetpolException(MissingBundleMessage);
        }

        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write("<meta name=\"color-scheme\" content=\"light dark\">\n");
        w.Write($"<title>{System.Security.SecurityElement.Escape(report.Options.Title)}</title>\n<style>\n");
        w.Write(Resource("netpol.report.page.css"));
        w.Write("</style>\n</head>\n<body>\n<noscript>This report needs JavaScript.</noscript>\n");
        w.Write("<script type=\"application/json\" id=\"netpol-data\">");
        w.Write(Data(report));
        w.Write("</script>\n");
        foreach (var name in new[] { CytoscapeResource, DagreResource, "netpol.report.page.js" })
        {
            w.Write("<script>\n");
            // A bundled file never closes the script element early: "</script" cannot appear in it unescaped.
            w.Write(Resource(name).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase));
            w.Write("\n</script>\n");
        }

        w.Write("</body>\n</html>\n");
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ReportHtmlRenderer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} is missing from {typeof(ReportHtmlRenderer).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    // The default encoder escapes <, > and & (and non-ASCII), so the JSON is safe inside a script element.
    internal static string Data(ReportResult report)
    {
        using var buffer = new MemoryStream();
        using (var j = new Utf8JsonWriter(buffer))
        {
            var graph = report.Graph;
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            j.WriteStartObject();
            j.WriteString("title", report.Options.Title);
            j.WriteNumber("aggregateAbove", report.Options.AggregateAbove);
            j.WriteStartObject("counts");
            j.WriteNumber("pods", report.Pods);
            j.WriteNumber("workloads", graph.Nodes.Count(n => n.Namespace is not null));
            j.WriteNumber("namespaces", graph.Namespaces.Count);
            j.WriteNumber("policies", report.Policies);
            j.WriteNumber("edges", graph.Edges.Count);
            j.WriteNumber("clusterPolicies", report.ClusterPolicies.Count);
            j.WriteEndObject();
            if (!report.Options.Cni.IsPortable)
            {
                j.WriteStartObject("cni");
                j.WriteString("name", report.Options.Cni.Name);
                j.WriteString("title", report.Options.Cni.Title);
                Strings(j, "ignored", report.IgnoredClusterPolicies);
                j.WriteEndObject();
            }

            ClusterPolicies(j, report);
            var governing = report.Governing.GroupBy(g => g.Node, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            j.WriteStartArray("nodes");
            foreach (var n in graph.Nodes)
            {
                index[n.Id] = index.Count;
                j.WriteStartObject();
                j.WriteString("id", n.Id);
                j.WriteString("label", n.Label);
                if (n.Namespace is { } ns)
                {
                    j.WriteString("ns", ns);
                    if (report.Teams.TryGetValue(ns, out var team))
                    {
                        j.WriteString("team", team);
                    }
                }

                j.WriteString("kind", n.Kind.ToString().ToLowerInvariant());
                j.WriteNumber("pods", n.Pods.Count);
                if (n.Address is { } address)
                {
                    j.WriteString("address", address);
                }

                j.WriteStartObject("labels");
                foreach (var (k, v) in n.Labels)
                {
                    j.WriteString(k, v);
                }

                j.WriteEndObject();
                Strings(j, "ingressPolicies", n.IngressPolicies);
                Strings(j, "egressPolicies", n.EgressPolicies);
                j.WriteBoolean("ingressIsolated", n.IngressIsolated);
                j.WriteBoolean("egressIsolated", n.EgressIsolated);
                if (n.SelfPorts is { } self)
                {
                    j.WriteString("self", GraphLabels.Ports(self));
                }

                if (governing.TryGetValue(n.Id, out var tiers))
                {
                    j.WriteStartArray("tiers");
                    foreach (var t in tiers)
                    {
                        j.WriteStartObject();
                        j.WriteString("policy", t.Policy);
                        j.WriteString("tier", t.Tier.ToString());
                        j.WriteNumber("priority", t.Priority);
                        j.WriteString("direction", Word(t.Direction));
                        j.WriteEndObject();
                    }

                    j.WriteEndArray();
                }

                j.WriteEndObject();
            }

            j.WriteEndArray();
            var explained = report.Explanations.ToDictionary(e => e.Edge);
            var tierDenied = report.TierDeniedEdges.ToHashSet();
            j.WriteStartArray("edges");
            for (var i = 0; i < graph.Edges.Count; i++)
            {
                var e = graph.Edges[i];
                j.WriteStartObject();
                j.WriteNumber("s", index[e.From]);
                j.WriteNumber("t", index[e.To]);
                j.WriteString("k", e.Kind switch { GraphEdgeKind.Denied => "denied", GraphEdgeKind.Open => "open", _ => "allowed" });
                j.WriteString("p", GraphLabels.Ports(e.Ports));
                if (e.Partial)
                {
                    j.WriteBoolean("partial", true);
                }

                j.WriteStartArray("r");
                foreach (var r in e.Ports.Ranges)
                {
                    j.WriteStartArray();
                    j.WriteStringValue(r.Protocol.ToString());
                    j.WriteNumberValue(r.Start);
                    j.WriteNumberValue(r.End);
                    j.WriteEndArray();
                }

                j.WriteEndArray();
                var x = explained.GetValueOrDefault(i);
                if (tierDenied.Contains(i))
                {
                    // Denied by a cluster network policy although NetworkPolicy alone allows it.
                    j.WriteString("tier", x?.DeniedBy is { } rule ? rule.Tier.ToString() : "unknown");
                }

                if (x is not null)
                {
                    var sw = new StringWriter { NewLine = "\n" };
                    CheckTextRenderer.WriteCase(x.Case, sw);
                    j.WriteString("why", sw.ToString());
                    Decisions(j, x);
                }

                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartObject("lint");
            j.WriteNumber("errors", report.Lint.Count(Severity.Error));
            j.WriteNumber("warnings", report.Lint.Count(Severity.Warning));
            j.WriteNumber("info", report.Lint.Count(Severity.Info));
            j.WriteStartArray("findings");
            foreach (var f in report.Lint.Findings)
            {
                j.WriteStartObject();
                j.WriteString("severity", f.Severity.ToString().ToLowerInvariant());
                j.WriteString("rule", f.Rule);
                j.WriteString("object", f.Object);
                j.WriteString("at", f.Location?.ToString() ?? string.Empty);
                j.WriteString("path", f.Path);
                j.WriteString("message", f.Message);
                if (f.Fix is { } fix)
                {
                    j.WriteString("fix", fix);
                }

                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
            var c = report.Coverage;
            j.WriteStartObject("coverage");
            Counts(j, "summary", c.Summary);
            j.WriteStartArray("namespaces");
            foreach (var ns in c.Namespaces)
            {
                j.WriteStartObject();
                j.WriteString("name", ns.Name);
                Counts(j, "counts", ns.Counts);
                j.WriteString("defaultDeny", (ns.DefaultDenyIngress, ns.DefaultDenyEgress) switch
                {
                    (true, true) => "ingress+egress",
                    (true, false) => "ingress",
                    (false, true) => "egress",
                    _ => "none",
                });
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
            j.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The tiers as a cluster admin reads them: Admin by priority, then NetworkPolicy, then Baseline by priority.
    private static void ClusterPolicies(Utf8JsonWriter j, ReportResult report)
    {
        var ignored = report.IgnoredClusterPolicies.ToHashSet(StringComparer.Ordinal);
        j.WriteNumber("networkPolicyNamespaces", report.NetworkPolicyNamespaces);
        j.WriteStartArray("clusterPolicies");
        foreach (var p in report.ClusterPolicies)
        {
            j.WriteStartObject();
            j.WriteString("name", p.Name);
            j.WriteString("kind", p.Kind);
            j.WriteString("tier", p.Tier.ToString());
            j.WriteNumber("priority", p.Priority);
            j.WriteString("subject", p.Subject);
            Strings(j, "namespaces", p.SubjectNamespaces);
            j.WriteNumber("pods", p.SubjectPods.Count);
            if (ignored.Contains(p.Name))
            {
                j.WriteBoolean("ignored", true);
            }

            j.WriteStartArray("rules");
            foreach (var r in p.Rules)
            {
                j.WriteStartObject();
                j.WriteString("direction", Word(r.Direction));
                j.WriteNumber("index", r.Index);
                if (r.Name is { } name)
                {
                    j.WriteString("name", name);
                }

                j.WriteString("action", r.Action.ToString());
                Strings(j, "peers", r.Peers.Select(x => x.Text));
                j.WriteNumber("peerPods", r.Peers.SelectMany(x => x.Pods).Distinct(StringComparer.Ordinal).Count());
                if (r.Peers.Any(x => x.DependsOnDns))
                {
                    j.WriteBoolean("dependsOnDns", true);
                }

                Strings(j, "ports", r.Ports);
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        j.WriteEndArray();
    }

    // What decided each side of the explained flow, the way check's JSON names it (decidedBy, reference, action).
    private static void Decisions(Utf8JsonWriter j, EdgeExplanation x)
    {
        var decisions = x.Decisions;
        if (decisions.Count == 0)
        {
            return;
        }

        j.WriteStartArray("decided");
        foreach (var d in decisions)
        {
            j.WriteStartObject();
            j.WriteString("side", Word(d.Direction));
            j.WriteString("by", d.DecidedBy switch
            {
                TierDecision.Admin => "admin",
                TierDecision.NetworkPolicy => "networkPolicy",
                TierDecision.Baseline => "baseline",
                TierDecision.Default => "default",
                _ => "none",
            });
            j.WriteBoolean("allowed", d.Allowed);
            if (d.Rule is { } rule)
            {
                j.WriteString("reference", rule.Reference);
                j.WriteString("action", rule.Action.ToString());
                if (rule.RuleName is { } name)
                {
                    j.WriteString("ruleName", name);
                }
            }

            j.WriteEndObject();
        }

        j.WriteEndArray();
    }

    private static string Word(Direction direction) => direction == Direction.Ingress ? "ingress" : "egress";

    private static void Counts(Utf8JsonWriter j, string name, Netpol.Analysis.Coverage.CoverageCounts counts)
    {
        j.WriteStartObject(name);
        j.WriteNumber("pods", counts.Pods);
        j.WriteNumber("ingress", counts.IngressIsolated);
        j.WriteNumber("egress", counts.EgressIsolated);
        j.WriteNumber("open", counts.Open);
        j.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter j, string name, IEnumerable<string> values)
    {
        j.WriteStartArray(name);
        foreach (var v in values)
        {
            j.WriteStringValue(v);
        }

        j.WriteEndArray();
    }
}
