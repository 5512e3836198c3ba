using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>broad-namespace-egress</c>: egress to every pod of a namespace (a namespaceSelector without a podSelector)
/// where a podSelector would do: the namespace is kube-system, or the rule's ports are served by only some of the
/// namespace's pods. The classic case is DNS: the rule opens all of kube-system when only the DNS pods are needed.
/// </summary>
public sealed class BroadNamespaceEgressRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "broad-namespace-egress";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "egress to a whole namespace (such as kube-system) where a podSelector would do";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cluster = context.Cluster;
        var scopes = new Dictionary<LabelSelector, (List<Namespace> Namespaces, List<Pod> Pods)>();
        var servingCache = new Dictionary<(LabelSelector, string), List<Pod>>();
        foreach (var policy in cluster.Policies)
        {
            for (var i = 0; i < policy.Egress.Count; i++)
            {
                var rule = policy.Egress[i];
                for (var j = 0; j < rule.Peers.Count; j++)
                {
                    var peer = rule.Peers[j];
                    if (peer.NamespaceSelector is not { } nsSelector || nsSelector.IsEmpty || peer.PodSelector is { IsEmpty: false })
                    {
                        continue;
                    }

                    if (!scopes.TryGetValue(nsSelector, out var scope))
                    {
                        var matched = cluster.Namespaces.Where(n => nsSelector.Matches(n.Labels)).ToList();
                        scope = (matched, [.. matched.SelectMany(n => cluster.PodsIn(n.Name)).Where(p => !p.HostNetwork)]);
                        scopes[nsSelector] = scope;
                    }

                    var namespaces = scope.Namespaces;
                    // kube-system counts when it is matched, or named by its automatic label though absent from the input.
                    var system = namespaces.Any(n => n.Name == DnsTargets.Namespace) || Names(nsSelector, DnsTargets.Namespace);
                    var pods = scope.Pods;
                    var servingKey = (nsSelector, string.Join(",", rule.Ports));
                    if (!servingCache.TryGetValue(servingKey, out var serving))
                    {
                        serving = rule.AllPorts ? pods : pods.Where(p => Serves(rule, p)).ToList();
                        servingCache[servingKey] = serving;
                    }

                    var narrower = !rule.AllPorts && serving.Count > 0 && serving.Count < pods.Count;
                    if (!system && !narrower)
                    {
                        continue;
                    }

                    var path = $"spec.egress[{i}].to[{j}]";
                    var names = namespaces.Select(n => n.Name).ToList();
                    if (system && !names.Contains(DnsTargets.Namespace))
                    {
                        names.Insert(0, DnsTargets.Namespace);
                    }

                    var what = string.Join(", ", names);
                    var ports = rule.AllPorts ? "every port" : string.Join(", ", rule.Ports);
                    var suggestion = Suggest(rule, serving, pods);
                    var message = narrower
                        ? $"allows {ports} to all {pods.Count} pods of {what}, but only {string.Join(", ", serving.Take(3).Select(p => p.FullName))}{(serving.Count > 3 ? ", ..." : string.Empty)} serve{(serving.Count == 1 ? "s" : string.Empty)} it"
                        : $"allows {ports} to every pod of {what}, including its control-plane components";
                    var fix = suggestion is null
                        ? "add a podSelector to the same peer naming the pods you need"
                        : "add a podSelector to the same peer:\n" + LabelSuggestion.SelectorYaml("podSelector", suggestion, 2);
                    context.Report(policy, path, message, fix);
                }
            }
        }
    }

    private static bool Names(LabelSelector selector, string ns) =>
        selector.Requirements.Any(r => r.Key == Namespace.NameLabel && r.Operator == SelectorOperator.In && r.Values.Contains(ns));

    private static bool Serves(PolicyRule rule, Pod pod)
    {
        var allowed = Semantics.PortsOf(rule, Endpoint.ForPod(pod));
        return pod.Ports.Any(c => allowed.Contains(c.Port, c.Protocol));
    }

    private static LabelSelector? Suggest(PolicyRule rule, List<Pod> serving, List<Pod> all)
    {
        var dns = rule.Ports.Any(p => p.Port == 53 || p.Name is "dns" or "dns-tcp");
        if (serving.Count == 0 || serving.Count == all.Count)
        {
            return dns ? LabelSelector.FromLabels(new Dictionary<string, string> { [DnsTargets.LabelKey] = DnsTargets.LabelValue }) : null;
        }

        // The labels every serving pod shares, if they single out exactly those pods.
        var common = serving.Skip(1).Aggregate(
            serving[0].Labels.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            (acc, p) => acc.Where(kv => p.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
        if (common.Count == 0)
        {
            return null;
        }

        var selector = LabelSelector.FromLabels(common);
        return all.Where(p => selector.Matches(p.Labels)).Count() == serving.Count ? selector : null;
    }
}
