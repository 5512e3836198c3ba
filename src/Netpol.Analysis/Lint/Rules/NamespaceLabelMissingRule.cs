using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>namespace-label-missing</c>: a namespaceSelector asks for a label (e.g. <c>name: monitoring</c>) that no
/// namespace carries, while a namespace named like the value exists. Namespaces get only
/// <c>kubernetes.io/metadata.name</c> automatically; other labels must be added by hand, and often are not.
/// </summary>
public sealed class NamespaceLabelMissingRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "namespace-label-missing";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "a namespaceSelector uses a label no namespace carries, though the namespace it names exists";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cache = new Dictionary<LabelSelector, IReadOnlyList<(string Key, Namespace Namespace)>>();
        foreach (var (policy, path, peer) in PolicyPeers.All(context.Cluster))
        {
            if (peer.NamespaceSelector is not { } selector)
            {
                continue;
            }

            if (!cache.TryGetValue(selector, out var gaps))
            {
                gaps = Gaps(selector, context.Cluster);
                cache[selector] = gaps;
            }

            foreach (var gap in gaps)
            {
                var ns = gap.Namespace;
                var known = ns.IsImplicit
                    ? $"namespace {ns.Name} is not declared in the input, so netpol knows only its automatic label"
                    : $"namespace {ns.Name} exists but lacks the label";
                context.Report(
                    policy,
                    $"{path}.namespaceSelector",
                    $"namespaceSelector {gap.Key}={ns.Name} matches no namespace: {known} {gap.Key}={ns.Name}",
                    $"select the namespace by the label every namespace has:\n  namespaceSelector:\n    matchLabels:\n      {Namespace.NameLabel}: {ns.Name}\nor label the namespace: kubectl label namespace {ns.Name} {gap.Key}={ns.Name}");
            }
        }
    }

    /// <summary>
    /// The requirements <c>key In (value)</c> of a namespaceSelector that no namespace satisfies although a namespace
    /// named <c>value</c> exists. Empty when the selector matches some namespace.
    /// </summary>
    internal static IReadOnlyList<(string Key, Namespace Namespace)> Gaps(LabelSelector selector, Cluster cluster)
    {
        if (cluster.Namespaces.Any(n => selector.Matches(n.Labels)))
        {
            return [];
        }

        var gaps = new List<(string, Namespace)>();
        foreach (var r in selector.Requirements)
        {
            if (r.Operator != SelectorOperator.In || r.Key == Namespace.NameLabel)
            {
                continue;
            }

            if (cluster.Namespaces.Any(n => r.Matches(n.Labels)))
            {
                continue;
            }

            foreach (var value in r.Values)
            {
                if (cluster.FindNamespace(value) is { } ns)
                {
                    gaps.Add((r.Key, ns));
                }
            }
        }

        return gaps;
    }
}
