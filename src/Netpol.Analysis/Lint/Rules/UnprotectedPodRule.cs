using Netpol.Analysis.Naming;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>unprotected-pod</c>: a pod no policy selects for ingress, in a namespace where policies do isolate other
/// pods: it accepts connections from anywhere, most often because its labels miss the policies meant for it.
/// (A namespace without any ingress isolation is one <c>no-default-deny-ingress</c> finding instead of one per pod.)
/// A pod that a cluster policy catch-all Deny protects for ingress (see <see cref="LintContext.IsTierProtected"/>) does
/// not accept connections from anywhere: it is reported at info level at most, naming the cluster policy and what it
/// leaves open (node and external sources).
/// </summary>
public sealed class UnprotectedPodRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "unprotected-pod";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "a pod no policy selects for ingress";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reported = new HashSet<(string, string)>();
        foreach (var ns in context.Cluster.Namespaces)
        {
            if (!context.IsCovered(ns.Name))
            {
                continue;
            }

            var pods = context.Cluster.PodsIn(ns.Name).Where(p => !p.HostNetwork).ToList();
            if (!pods.Any(p => context.IsIsolated(p, Direction.Ingress)))
            {
                continue;
            }

            var policies = context.Cluster.PoliciesIn(ns.Name).Where(p => p.AffectsIngress).ToList();
            foreach (var pod in pods)
            {
                if (context.IsIsolated(pod, Direction.Ingress) || !reported.Add(Workloads.Key(pod)))
                {
                    continue;
                }

                var near = policies
                    .Select(p => (Policy: p, Failing: p.PodSelector.Failing(pod.Labels).ToList()))
                    .OrderBy(t => t.Failing.Count)
                    .ThenBy(t => t.Failing.Sum(r => Miss(r, pod.Labels)))
                    .ThenBy(t => t.Policy.Name, StringComparer.Ordinal)
                    .First();
                if (context.TierProtectionOf(pod, Direction.Ingress) is { } tier)
                {
                    context.Report(
                        pod,
                        PodWithoutLabelsRule.LabelsPath(pod),
                        $"no NetworkPolicy selects it for ingress; protected only by {tier.Policies} ({tier.Tier} tier): {tier.Covers}; nearest NetworkPolicy: {near.Policy.Name} wants {string.Join(",", near.Failing)} (labels: {Workloads.Describe(pod)})",
                        $"nothing to do if {tier.Policies} is meant to govern it; for its own policies to decide, give the pod the labels {near.Policy.Name} selects ({near.Policy.PodSelector})",
                        Severity.Info);
                    continue;
                }

                context.Report(
                    pod,
                    PodWithoutLabelsRule.LabelsPath(pod),
                    $"no policy selects it for ingress, so it accepts connections from anywhere; nearest: {near.Policy.Name} wants {string.Join(",", near.Failing)} (labels: {Workloads.Describe(pod)})",
                    $"give the pod the labels {near.Policy.Name} selects ({near.Policy.PodSelector}), or add a default-deny-ingress policy (podSelector: {{}}) to {ns.Name}");
            }
        }
    }

    // How far the pod's labels are from satisfying a requirement: the edit distance from the pod's value to the
    // nearest wanted one (a typo like app=fronted is close), or the length of a key the pod lacks.
    private static int Miss(LabelRequirement requirement, IReadOnlyDictionary<string, string> labels)
    {
        if (requirement.Operator != SelectorOperator.In || requirement.Values.Count == 0)
        {
            return requirement.Key.Length;
        }

        return labels.TryGetValue(requirement.Key, out var value)
            ? requirement.Values.Min(v => EditDistance.Between(v, value))
            : requirement.Key.Length + requirement.Values.Min(v => v.Length);
    }
}
