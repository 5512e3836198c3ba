using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>cluster-policy-selects-nothing</c>: a cluster network policy whose subject selects no pod of the input
/// (hostNetwork pods are never subjects). Checked only when the input has pods.
/// </summary>
public sealed class ClusterPolicySelectsNothingRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "cluster-policy-selects-nothing";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "a cluster network policy whose subject selects no pod";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.HasPods)
        {
            return;
        }

        foreach (var policy in context.Cluster.ClusterPolicies)
        {
            if (context.SubjectPods(policy).Count == 0)
            {
                context.Report(
                    policy,
                    "spec.subject",
                    $"the subject ({policy.Subject}) selects no pod in the input, so the policy has no effect (hostNetwork pods are never subjects)",
                    "check the subject's labels against the namespaces and pods it is meant for; `kubectl get ns --show-labels` lists namespace labels");
            }
        }
    }
}
