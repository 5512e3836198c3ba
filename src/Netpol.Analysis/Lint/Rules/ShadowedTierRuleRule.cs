using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>shadowed-tier-rule</c>: a rule of a cluster network policy that never decides anything, because for every
/// connection it matches, earlier rules already decided every port it matches: the policy's own earlier rules, or
/// rules of policies of the same tier with a lower priority that select the same pod. Exact on the input's pods:
/// every subject pod against every other end (pods, node addresses, one address per piece of the <c>networks</c>
/// ranges). Policies of equal priority do not count (their order is undefined; see <c>same-priority-overlap</c>).
/// A rule that matches no connection at all is left to <c>unreachable-tier-rule</c>.
/// </summary>
public sealed class ShadowedTierRuleRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "shadowed-tier-rule";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "a cluster network policy rule whose every match earlier rules already decide";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cluster = context.Cluster;
        foreach (var policy in cluster.ClusterPolicies)
        {
            var subjects = context.SubjectPods(policy);
            if (subjects.Count == 0)
            {
                continue;
            }

            foreach (var direction in (Direction[])[Direction.Ingress, Direction.Egress])
            {
                var rules = policy.Rules(direction);
                for (var i = 0; i < rules.Count; i++)
                {
                    var matched = false;
                    var shadowed = true;
                    string? example = null;
                    foreach (var subject in subjects)
                    {
                        foreach (var other in context.TierEndpoints)
                        {
                            if (ReferenceEquals(other.Pod, subject))
                            {
                                continue;
                            }

                            var ports = TierWalk.Matched(cluster, rules[i], direction, subject, other);
                            if (ports.IsEmpty)
                            {
                                continue;
                            }

                            matched = true;
                            if (!ports.Except(TierWalk.DecidedBefore(cluster, policy, direction, i, subject, other)).IsEmpty)
                            {
                                shadowed = false;
                                break;
                            }

                            example ??= Example(cluster, policy, direction, subject, other, ports);
                        }

                        if (!shadowed)
                        {
                            break;
                        }
                    }

                    if (matched && shadowed)
                    {
                        context.Report(
                            policy,
                            TierWalk.PathOf(direction, i),
                            $"{TierWalk.PathOf(direction, i)} ({rules[i].Action}) never decides anything: every connection and port it matches is already decided by earlier rules, {example}",
                            "delete the rule, or move it before the rules that decide its traffic (in the policy, or by giving the policy a lower priority number)");
                    }
                }
            }
        }
    }

    private static string Example(Cluster cluster, ClusterNetworkPolicy policy, Direction direction, Pod subject, Endpoint other, PortSet ports)
    {
        var sample = TierWalk.Sample(ports);
        var decider = TierWalk.Decider(cluster, policy.Tier, direction, subject, other, sample.Protocol, sample.Port);
        var by = decider is { } d ? TierWalk.NameOf(d.Policy, direction, d.Index) : "an earlier rule";
        return $"e.g. {TierWalk.Connection(direction, subject, other)} on {TierWalk.Describe(sample)} by {by}";
    }
}
