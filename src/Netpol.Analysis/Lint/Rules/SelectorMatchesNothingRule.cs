using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>selector-matches-nothing</c>: a policy whose spec.podSelector selects no pod of its namespace, usually a
/// typo in a label. Only namespaces with pods in the input are judged (without pods nothing can be told).
/// </summary>
public sealed class SelectorMatchesNothingRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "selector-matches-nothing";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "a policy's spec.podSelector selects no pod";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            var pods = context.Cluster.PodsIn(policy.Namespace).Where(p => !p.HostNetwork).ToList();
            if (pods.Count == 0 || context.SelectedPods(policy).Count > 0)
            {
                continue;
            }

            var message = $"podSelector {policy.PodSelector} selects none of the {pods.Count} pod{(pods.Count == 1 ? string.Empty : "s")} in {policy.Namespace}: the policy has no effect";
            string? fix = null;
            if (LabelSuggestion.Find(policy.PodSelector, pods.Select(p => p.Labels)) is { } suggestion)
            {
                var matched = pods.Where(p => suggestion.Selector.Matches(p.Labels)).ToList();
                message += $"; closest labels: {suggestion.Selector} ({string.Join(", ", matched.Take(3).Select(p => p.Name))}{(matched.Count > 3 ? ", ..." : string.Empty)})";
                fix = "select the pods by their actual labels:\n" + suggestion.ToYaml("podSelector");
            }

            context.Report(policy, "spec.podSelector", message, fix);
        }
    }
}
