using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>admin-deny-shadows-netpol</c>: a NetworkPolicy rule that can never take effect because the Admin tier
/// denies everything it allows first. Exact on the input's pods: for every pod the policy selects and every pod the
/// rule admits, every port the rule allows is denied by an Admin Deny rule. Rules that admit no pod of the input
/// (only ipBlocks, or peers the input does not show) are not judged.
/// </summary>
public sealed class AdminDenyShadowsNetworkPolicyRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "admin-deny-shadows-netpol";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "a NetworkPolicy rule whose every allowed connection an Admin tier Deny decides first";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cluster = context.Cluster;
        if (!cluster.ClusterPolicies.Any(p => p.Tier == ClusterPolicyTier.Admin && p.Ingress.Concat(p.Egress).Any(r => r.Action == ClusterRuleAction.Deny)))
        {
            return;
        }

        foreach (var policy in cluster.Policies)
        {
            foreach (var (rule, path, direction) in PolicyRules.All(policy))
            {
                if (!policy.Affects(direction))
                {
                    continue;
                }

                var judged = false;
                var shadowed = true;
                string? example = null;
                foreach (var subject in context.SelectedPods(policy))
                {
                    foreach (var peer in context.PodsAdmittedBy(policy, rule))
                    {
                        if (ReferenceEquals(peer, subject))
                        {
                            continue;
                        }

                        var other = Endpoint.ForPod(peer);
                        var ports = Semantics.PortsOf(rule, direction == Direction.Ingress ? Endpoint.ForPod(subject) : other);
                        if (ports.IsEmpty)
                        {
                            continue;
                        }

                        judged = true;
                        var admin = Semantics.EvaluateTier(cluster, ClusterPolicyTier.Admin, direction, subject, other, ports);
                        var denied = ports.Except(admin.Accepted).Except(admin.Undecided);
                        if (!denied.Equals(ports))
                        {
                            shadowed = false;
                            break;
                        }

                        if (example is null)
                        {
                            var sample = TierWalk.Sample(ports);
                            var d = TierWalk.Decider(cluster, ClusterPolicyTier.Admin, direction, subject, other, sample.Protocol, sample.Port);
                            example = $"e.g. {TierWalk.Connection(direction, subject, other)} on {TierWalk.Describe(sample)} by {(d is { } x ? TierWalk.NameOf(x.Policy, direction, x.Index) : "the Admin tier")}";
                        }
                    }

                    if (!shadowed)
                    {
                        break;
                    }
                }

                if (judged && shadowed)
                {
                    context.Report(
                        policy,
                        path,
                        $"this rule never takes effect: the Admin tier denies every connection it allows before NetworkPolicy is consulted, {example}",
                        "delete the rule, or ask the cluster administrators for an Admin Pass (delegating the traffic to NetworkPolicy) or Accept rule before the Deny");
                }
            }
        }
    }
}
