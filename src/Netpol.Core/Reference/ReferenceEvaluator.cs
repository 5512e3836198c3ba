using Netpol.Core.Engine;
using Netpol.Core.Model;

namespace Netpol.Core.Reference;

/// <summary>
/// The reference evaluator: the NetworkPolicy rules applied literally to one pair of endpoints at a time,
/// written for obviousness rather than speed. The fast engine must agree with it on every verdict.
/// </summary>
public sealed class ReferenceEvaluator : IConnectivityEngine
{
    private readonly Cluster _cluster;

    /// <summary>Creates an evaluator over a cluster.</summary>
    public ReferenceEvaluator(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        _cluster = cluster;
    }

    /// <inheritdoc />
    public Cluster Cluster => _cluster;

    /// <inheritdoc />
    public PortSet AllowedPorts(Endpoint from, Endpoint to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Pod is not null && ReferenceEquals(from.Pod, to.Pod))
        {
            // A pod may always reach itself.
            return PortSet.All;
        }

        return DirectionPorts(Direction.Egress, from, to).Intersect(DirectionPorts(Direction.Ingress, to, from));
    }

    /// <summary>
    /// What one side allows, tier by tier: the Admin tier's Accept and Deny decide first; the ports it leaves
    /// undecided (or passes) go to NetworkPolicy when some NetworkPolicy isolates the subject for the direction,
    /// and otherwise to the Baseline tier, whose undecided ports are allowed by default. Without cluster network
    /// policies this is exactly <see cref="NetworkPolicyPorts"/>.
    /// </summary>
    public PortSet DirectionPorts(Direction direction, Endpoint subject, Endpoint other) =>
        DirectionPorts(direction, subject, other, _cluster.ClusterPolicies);

    /// <summary>
    /// <see cref="DirectionPorts(Direction, Endpoint, Endpoint)"/> with the cluster policies applied in the given order
    /// (every cluster policy, tiers in any order: each tier takes its own in this order). The API leaves the order of
    /// policies of equal tier and priority undefined; this shows what another order decides.
    /// </summary>
    public PortSet DirectionPorts(Direction direction, Endpoint subject, Endpoint other, IReadOnlyList<ClusterNetworkPolicy> order)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(order);
        if (!_cluster.HasClusterPolicies || subject.Pod is not { HostNetwork: false } pod)
        {
            return NetworkPolicyPorts(direction, subject, other);
        }

        var admin = Semantics.EvaluateTier(_cluster, order, ClusterPolicyTier.Admin, direction, pod, other, PortSet.All);
        if (IsIsolated(direction, pod))
        {
            return admin.Accepted.Union(admin.Undecided.Intersect(NetworkPolicyPorts(direction, subject, other)));
        }

        var baseline = Semantics.EvaluateTier(_cluster, order, ClusterPolicyTier.Baseline, direction, pod, other, admin.Undecided);
        return admin.Accepted.Union(baseline.Accepted).Union(baseline.Undecided);
    }

    /// <summary>
    /// The ports of a connection whose verdict depends on DNS: a rule with a <c>domainNames</c> peer of a policy
    /// selecting the source was reached for them and treated as not matching.
    /// </summary>
    public PortSet DependsOnDns(Endpoint from, Endpoint to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!_cluster.HasClusterPolicies || from.Pod is not { HostNetwork: false } pod)
        {
            return PortSet.Empty;
        }

        var admin = Semantics.EvaluateTier(_cluster, ClusterPolicyTier.Admin, Direction.Egress, pod, to, PortSet.All);
        if (IsIsolated(Direction.Egress, pod))
        {
            return admin.DependsOnDns;
        }

        var baseline = Semantics.EvaluateTier(_cluster, ClusterPolicyTier.Baseline, Direction.Egress, pod, to, admin.Undecided);
        return admin.DependsOnDns.Union(baseline.DependsOnDns);
    }

    /// <summary>True when some NetworkPolicy selects the pod for the direction.</summary>
    public bool IsIsolated(Direction direction, Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return _cluster.PoliciesIn(pod.Namespace).Any(p => Semantics.Selects(p, pod, direction));
    }

    /// <summary>
    /// What NetworkPolicy alone allows on one side: for egress the subject is the source and the other end the
    /// destination; for ingress the subject is the destination. Not isolated (external, hostNetwork, or selected by
    /// no policy for the direction): every port. Isolated: the union of what every selecting policy's rules allow.
    /// </summary>
    public PortSet NetworkPolicyPorts(Direction direction, Endpoint subject, Endpoint other)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(other);
        if (subject.Pod is not { } pod)
        {
            return PortSet.All;
        }

        var destination = direction == Direction.Egress ? other : subject;
        var isolated = false;
        var allowed = PortSet.Empty;
        foreach (var policy in _cluster.PoliciesIn(pod.Namespace))
        {
            if (!Semantics.Selects(policy, pod, direction))
            {
                continue;
            }

            isolated = true;
            foreach (var rule in policy.Rules(direction))
            {
                if (Semantics.RuleAdmits(policy, rule, other, _cluster))
                {
                    allowed = allowed.Union(Semantics.PortsOf(rule, destination));
                }
            }
        }

        return isolated ? allowed : PortSet.All;
    }
}
