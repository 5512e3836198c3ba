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
    /// What one side allows: for egress the subject is the source and the other end the destination; for ingress
    /// the subject is the destination. Not isolated (external, hostNetwork, or selected by no policy for the
    /// direction): every port. Isolated: the union of what every selecting policy's rules allow.
    /// </summary>
    public PortSet DirectionPorts(Direction direction, Endpoint subject, Endpoint other)
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
