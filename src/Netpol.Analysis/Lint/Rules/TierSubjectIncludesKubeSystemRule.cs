using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>tier-deny-in-kube-system</c>: a cluster network policy with a Deny rule whose subject's namespace
/// selector also matches kube-system (typically <c>namespaces: {}</c>). Its denies then apply to the cluster's
/// own components (CoreDNS, metrics-server, admission webhooks), which is rarely meant. Checked against the
/// kube-system namespace of the input, or its standard name label when the input does not declare it.
/// </summary>
public sealed class TierSubjectIncludesKubeSystemRule : LintRule
{
    private const string KubeSystem = "kube-system";

    /// <inheritdoc />
    public override string Id => "tier-deny-in-kube-system";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "a cluster network policy with Deny rules whose subject includes kube-system";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var labels = context.Cluster.FindNamespace(KubeSystem)?.Labels
            ?? new Dictionary<string, string> { [Namespace.NameLabel] = KubeSystem };
        foreach (var policy in context.Cluster.ClusterPolicies)
        {
            if (!policy.Ingress.Concat(policy.Egress).Any(r => r.Action == ClusterRuleAction.Deny) || !policy.Subject.NamespaceSelector.Matches(labels))
            {
                continue;
            }

            var field = policy.Subject.PodSelector is null ? "spec.subject.namespaces" : "spec.subject.pods.namespaceSelector";
            context.Report(
                policy,
                field,
                $"the subject ({policy.Subject}) includes kube-system, so the policy's Deny rules also apply to the cluster's own components (CoreDNS, metrics-server, webhooks)",
                $"""
                add this requirement to the subject's namespace selector unless kube-system is meant:
                {field[(field.LastIndexOf('.') + 1)..]}:
                  matchExpressions:
                    - key: {Namespace.NameLabel}
                      operator: NotIn
                      values: [{KubeSystem}]
                """);
        }
    }
}
