using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>same-priority-overlap</c>: two cluster network policies of the same tier and priority that decide one
/// connection differently. The API leaves the order of equal priorities undefined, so the implementation may apply
/// either. Exact on the input: for every pod both subjects select and every other end (pods, node addresses, one
/// address per piece of the <c>networks</c> ranges), each policy is evaluated alone (first matching rule per port);
/// a port that both decide with different actions (Accept, Deny, Pass) is a finding. Overlaps that decide alike
/// are harmless and not reported. Needs pods in the input. One finding per pair and direction, on the policy later
/// in netpol's tie-break order (kind, then name), with one example connection.
/// </summary>
public sealed class SamePriorityOverlapRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "same-priority-overlap";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "two cluster network policies of one tier and priority that decide a connection differently";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cluster = context.Cluster;
        var policies = cluster.ClusterPolicies;
        for (var a = 0; a < policies.Count; a++)
        {
            for (var b = a + 1; b < policies.Count; b++)
            {
                var first = policies[a];
                var second = policies[b];
                if (first.Tier != second.Tier || first.Priority != second.Priority)
                {
                    continue;
                }

                var shared = context.SubjectPods(first).Intersect(context.SubjectPods(second)).ToList();
                foreach (var direction in (Direction[])[Direction.Ingress, Direction.Egress])
                {
                    if (first.Rules(direction).Count == 0 || second.Rules(direction).Count == 0)
                    {
                        continue;
                    }

                    if (Conflict(context, first, second, direction, shared) is { } c)
                    {
                        var dir = direction == Direction.Ingress ? "ingress" : "egress";
                        context.Report(
                            second,
                            "spec.priority",
                            $"{first.FullName} and {second.FullName} are both in the {first.Tier} tier at priority {first.Priority} and decide {dir} differently, "
                            + $"e.g. {c.Connection} on {c.Port}: {first.FullName} {dir}[{c.First.Index}] says {c.First.Action}, {second.FullName} {dir}[{c.Second.Index}] says {c.Second.Action}; "
                            + "the API leaves the order of equal priorities undefined, so either may win",
                            $"give the policy that must win a lower priority number, e.g. spec.priority: {Math.Max(0, first.Priority - 1)} on {first.FullName}, or {first.Priority + 1} on {second.FullName}");
                    }
                }
            }
        }
    }

    private static (string Connection, string Port, (int Index, ClusterRuleAction Action) First, (int Index, ClusterRuleAction Action) Second)? Conflict(
        LintContext context, ClusterNetworkPolicy first, ClusterNetworkPolicy second, Direction direction, List<Pod> subjects)
    {
        var cluster = context.Cluster;
        foreach (var subject in subjects)
        {
            foreach (var other in context.TierEndpoints)
            {
                if (ReferenceEquals(other.Pod, subject))
                {
                    continue;
                }

                var x = TierWalk.Decisions(cluster, first, direction, subject, other);
                if (x.Count == 0)
                {
                    continue;
                }

                var y = TierWalk.Decisions(cluster, second, direction, subject, other);
                foreach (var dx in x)
                {
                    foreach (var dy in y)
                    {
                        var both = dx.Ports.Intersect(dy.Ports);
                        if (dx.Action != dy.Action && !both.IsEmpty)
                        {
                            return (TierWalk.Connection(direction, subject, other), TierWalk.Describe(TierWalk.Sample(both)), (dx.Index, dx.Action), (dy.Index, dy.Action));
                        }
                    }
                }
            }
        }

        return null;
    }
}
