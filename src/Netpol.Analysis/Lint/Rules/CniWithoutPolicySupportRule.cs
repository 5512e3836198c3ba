using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>cni-without-policy-support</c>: the manifests show a network plugin that does not enforce NetworkPolicy and
/// no policy engine beside it: flannel alone, or the AWS VPC CNI without its network policy agent. The API server
/// accepts every policy, and none of them is enforced. Plugins are recognised by their container images; with
/// <c>lint --cni flannel</c> every NetworkPolicy is reported, since the user said which plugin runs.
/// </summary>
public sealed class CniWithoutPolicySupportRule : LintRule
{
    // Image fragments of plugins and agents that enforce NetworkPolicy.
    private static readonly string[] Enforcing =
    [
        "calico", "cilium", "weave-npc", "weaveworks/weave-kube", "antrea", "kube-router", "ovn-kube", "ovnkube",
        "aws-network-policy-agent", "kube-network-policies", "azure-npm", "romana", "kube-ovn", "canal",
    ];

    /// <inheritdoc />
    public override string Id => "cni-without-policy-support";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Error;

    /// <inheritdoc />
    public override string Summary => "the manifests show a CNI that does not enforce NetworkPolicy (e.g. flannel alone)";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Options.CniNamed && context.Options.CniProfiles is [{ EnforcesPolicies: false } plugin])
        {
            // The user named a plugin that enforces nothing: every policy is a dead letter, whatever the images say.
            foreach (var policy in context.Cluster.Policies)
            {
                context.Report(
                    policy,
                    "spec",
                    $"--cni {plugin.Name}: {plugin.Title} enforces no NetworkPolicy, so this policy has no effect and every connection it would deny is allowed",
                    "run a policy engine beside it (Calico for policy only, i.e. Canal), or move to a CNI that enforces NetworkPolicy (Calico, Cilium, Antrea)");
            }

            return;
        }

        var pods = context.Cluster.Pods;
        if (pods.Any(p => p.Images.Any(i => Enforcing.Any(e => i.Contains(e, StringComparison.OrdinalIgnoreCase)))))
        {
            return;
        }

        var policies = context.Cluster.Policies.Count;
        var effect = policies == 0 ? "no NetworkPolicy would be enforced" : $"the {policies} NetworkPolic{(policies == 1 ? "y" : "ies")} here would not be enforced";
        foreach (var pod in Workloads.Representatives(pods))
        {
            if (pod.Images.FirstOrDefault(i => i.Contains("flannel", StringComparison.OrdinalIgnoreCase)) is { } flannel)
            {
                context.Report(
                    pod,
                    string.Empty,
                    $"runs flannel ({flannel}), which does not enforce NetworkPolicy, and no policy engine is in the manifests: {effect}",
                    "run a policy engine beside flannel (Calico for policy only, i.e. Canal), or move to a CNI that enforces NetworkPolicy (Calico, Cilium, Antrea)");
            }
            else if (pod.Images.FirstOrDefault(i => i.Contains("amazon-k8s-cni", StringComparison.OrdinalIgnoreCase)) is { } vpc)
            {
                context.Report(
                    pod,
                    string.Empty,
                    $"runs the AWS VPC CNI ({vpc}) without its network policy agent container: {effect}",
                    "enable network policy in the VPC CNI (enableNetworkPolicy: \"true\" in the add-on configuration), which adds the aws-network-policy-agent container");
            }
        }
    }
}
