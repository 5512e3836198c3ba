using Netpol.Analysis.Naming;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>peer-matches-nothing</c>: a from/to peer whose selectors admit no pod: a typo in a label, the wrong
/// namespace, or a namespaceSelector nothing carries. Peers whose namespaces have no pods in the input are not
/// judged, nor is a namespaceSelector <c>kubernetes.io/metadata.name: X</c> when the input has no namespace X nor one
/// named nearly like it (the input shows part of the cluster; a near name is a typo); a namespaceSelector that names
/// an existing namespace by a missing label is left to <c>namespace-label-missing</c>. When the input has no DNS
/// pods, a peer that admits the CoreDNS pods lint assumes (see <see cref="DnsTargets"/>) is not judged either.
/// </summary>
public sealed class PeerMatchesNothingRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "peer-matches-nothing";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "a from/to peer selects no pod or namespace";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.HasPods)
        {
            return;
        }

        var cluster = context.Cluster;
        foreach (var (policy, path, peer) in PolicyPeers.All(cluster))
        {
            // A peer that admits the cluster DNS lint assumes (CoreDNS not in the input) names pods that exist.
            if (peer.IPBlock is not null || context.PodsAdmittedBy(policy, peer).Count > 0 || (context.Dns.IsAssumed && context.Dns.Admits(policy, peer)))
            {
                continue;
            }

            var podSelector = peer.PodSelector ?? LabelSelector.Everything;
            if (peer.NamespaceSelector is { } nsSelector)
            {
                var namespaces = cluster.Namespaces.Where(n => nsSelector.Matches(n.Labels)).ToList();
                if (namespaces.Count == 0)
                {
                    if (NamespaceLabelMissingRule.Gaps(nsSelector, cluster).Count > 0 || NamesUnseenNamespace(nsSelector, cluster))
                    {
                        continue;
                    }

                    // A namespace named by its automatic label that the input does not contain may well exist in
                    // the cluster (kube-system, usually): judge it only when the name looks like a typo of one it has.
                    if (NamedNamespaces(nsSelector) is { Count: > 0 } named && !named.Any(n => cluster.FindNamespace(n) is not null))
                    {
                        var near = named.SelectMany(n => cluster.Namespaces.Where(x => !x.IsImplicit || cluster.PodsIn(x.Name).Count > 0)
                                .Select(x => (Wanted: n, Existing: x.Name, Distance: EditDistance.Between(n, x.Name))))
                            .Where(t => t.Distance > 0 && t.Distance <= Math.Max(1, t.Wanted.Length / 4))
                            .OrderBy(t => t.Distance)
                            .FirstOrDefault();
                        if (near.Existing is null)
                        {
                            continue;
                        }

                        context.Report(
                            policy,
                            $"{path}.namespaceSelector",
                            $"namespaceSelector {nsSelector} matches no namespace; did you mean {near.Existing}?",
                            $"namespaceSelector:\n  matchLabels:\n    {Namespace.NameLabel}: {near.Existing}");
                        continue;
                    }

                    var message = $"namespaceSelector {nsSelector} matches none of the {cluster.Namespaces.Count} namespaces";
                    string? fix = null;
                    if (LabelSuggestion.Find(nsSelector, cluster.Namespaces.Select(n => n.Labels)) is { } s)
                    {
                        message += $"; closest labels: {s.Selector}";
                        fix = "select namespaces by labels they carry:\n" + s.ToYaml("namespaceSelector");
                    }

                    context.Report(policy, $"{path}.namespaceSelector", message, fix);
                    continue;
                }

                var pods = namespaces.SelectMany(n => cluster.PodsIn(n.Name)).Where(p => !p.HostNetwork).ToList();
                if (pods.Count == 0)
                {
                    continue;
                }

                ReportPods(context, policy, path, podSelector, pods, $"namespace{(namespaces.Count == 1 ? string.Empty : "s")} {string.Join(", ", namespaces.Select(n => n.Name))}");
            }
            else
            {
                var pods = cluster.PodsIn(policy.Namespace).Where(p => !p.HostNetwork).ToList();
                if (pods.Count == 0)
                {
                    continue;
                }

                ReportPods(context, policy, path, podSelector, pods, $"namespace {policy.Namespace}");
            }
        }
    }

    private static List<string> NamedNamespaces(LabelSelector selector) =>
        [.. selector.Requirements.Where(r => r.Key == Namespace.NameLabel && r.Operator == SelectorOperator.In).SelectMany(r => r.Values)];

    /// <summary>
    /// True when the selector picks namespaces by name and none of the names is in the input or nearly like a name
    /// that is: such namespaces are simply not part of the input (another team's, or ingress-nginx, kube-system).
    /// </summary>
    private static bool NamesUnseenNamespace(LabelSelector selector, Cluster cluster) =>
        selector.Requirements.Any(r => r.Key == Namespace.NameLabel && r.Operator == SelectorOperator.In
            && r.Values.All(v => cluster.FindNamespace(v) is null
                && !cluster.Namespaces.Any(n => EditDistance.Between(n.Name, v) <= Math.Max(1, v.Length / 4))));

    private static void ReportPods(LintContext context, NetworkPolicy policy, string path, LabelSelector selector, List<Pod> pods, string where)
    {
        var message = $"podSelector {selector} matches none of the {pods.Count} pod{(pods.Count == 1 ? string.Empty : "s")} in {where}";
        var fixes = new List<string>();

        // Pods with exactly these labels elsewhere: the peer probably lacks a namespaceSelector.
        var elsewhere = context.Cluster.Pods.Where(p => !p.HostNetwork && !pods.Contains(p) && selector.Matches(p.Labels)).ToList();
        if (elsewhere.Count > 0)
        {
            var nsName = elsewhere[0].Namespace;
            message += $"; it matches {string.Join(", ", elsewhere.Take(3).Select(p => p.FullName))}{(elsewhere.Count > 3 ? ", ..." : string.Empty)} in another namespace";
            fixes.Add($"to admit pods of namespace {nsName}, put a namespaceSelector in the same peer:\n  - namespaceSelector:\n      matchLabels:\n        {Namespace.NameLabel}: {nsName}\n{LabelSuggestion.SelectorYaml("podSelector", selector, 4)}");
        }
        else if (LabelSuggestion.Find(selector, pods.Select(p => p.Labels)) is { } s)
        {
            message += $"; closest labels: {s.Selector}";
            fixes.Add("select pods by labels they carry:\n" + s.ToYaml("podSelector"));
        }

        context.Report(policy, peer(path, selector), message, fixes.Count == 0 ? null : string.Join("\n", fixes));

        static string peer(string path, LabelSelector selector) => selector.IsEmpty ? path : $"{path}.podSelector";
    }
}
