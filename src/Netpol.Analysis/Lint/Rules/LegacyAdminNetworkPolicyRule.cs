using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>legacy-admin-network-policy</c>: an AdminNetworkPolicy or BaselineAdminNetworkPolicy (v1alpha1), which
/// ClusterNetworkPolicy (v1alpha2) replaces. The fix is the converted policy (see
/// <see cref="ClusterPolicyConverter"/>), which means exactly what netpol evaluated.
/// </summary>
public sealed class LegacyAdminNetworkPolicyRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "legacy-admin-network-policy";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "an AdminNetworkPolicy or BaselineAdminNetworkPolicy (v1alpha1), replaced by ClusterNetworkPolicy";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.ClusterPolicies)
        {
            if (policy.Kind == "ClusterNetworkPolicy")
            {
                continue;
            }

            context.Report(
                policy,
                string.Empty,
                $"{policy.Kind} (policy.networking.k8s.io/v1alpha1) is replaced by ClusterNetworkPolicy (v1alpha2): tier {policy.Tier}, priority {policy.Priority}, Allow becomes Accept and ports become protocols",
                ClusterPolicyConverter.ToYaml(policy).TrimEnd('\n'));
        }
    }
}
