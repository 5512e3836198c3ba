using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>pod-without-labels</c>: a pod or pod template without labels (the ones controllers add, such as
/// <c>pod-template-hash</c>, do not count). Policies can then select it only together with every other pod of
/// its namespace, never on its own.
/// </summary>
public sealed class PodWithoutLabelsRule : LintRule
{

    /// <inheritdoc />
    public override string Id => "pod-without-labels";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "a pod (or pod template) without labels: no policy can target it precisely";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reported = new HashSet<(string, string)>();
        foreach (var pod in context.Cluster.Pods)
        {
            if (pod.HostNetwork || !context.IsCovered(pod.Namespace) || pod.Labels.Keys.Any(k => !ControllerLabels.Contains(k)) || !reported.Add(Workloads.Key(pod)))
            {
                continue;
            }

            var path = LabelsPath(pod);
            var app = pod.Name[(pod.Name.IndexOf('/', StringComparison.Ordinal) + 1)..];
            context.Report(
                pod,
                path,
                "has no labels: policies can select it only with every other pod of the namespace",
                $"label it by application and role, e.g.\n  labels:\n    app.kubernetes.io/name: {app}\n    app.kubernetes.io/component: <role>");
        }
    }

    /// <summary>Where a pod's labels are written: in the pod, or in the pod template of the workload it stands for.</summary>
    internal static string LabelsPath(Pod pod) =>
        pod.WorkloadKind is null ? "metadata.labels" : pod.WorkloadKind == "CronJob" ? "spec.jobTemplate.spec.template.metadata.labels" : "spec.template.metadata.labels";
}
