using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Core.Engine;

/// <summary>
/// Cluster network policies (Admin and Baseline tiers). The NetworkPolicy part still comes from the compiled
/// classes; the tiers around it are evaluated pair by pair with the reference semantics, because the classes do not
/// yet split on the selectors of cluster network policies. Correct, but a cluster with any cluster network policy
/// costs one tier evaluation per pair: counting is pair by pair there, not over groups of classes.
/// </summary>
public sealed partial class FastEngine
{
    private PortSet TieredPorts(Endpoint from, Endpoint to, in EndpointInfo a, in EndpointInfo b)
    {
        var egress = TieredSide(Direction.Egress, from, to, a.EgressProfile != NotIsolated, _ports[EgressPorts(a, b)]);
        if (egress.IsEmpty)
        {
            return egress;
        }

        return egress.Intersect(TieredSide(Direction.Ingress, to, from, b.IngressProfile != NotIsolated, _ports[IngressPorts(a, b)]));
    }

    /// <summary>
    /// One side of a connection: Admin tier, then NetworkPolicy when it isolates the subject, else Baseline tier,
    /// then the default allow.
    /// </summary>
    private PortSet TieredSide(Direction direction, Endpoint subject, Endpoint other, bool isolated, PortSet networkPolicy)
    {
        if (subject.Pod is not { HostNetwork: false } pod)
        {
            return networkPolicy;
        }

        var admin = Semantics.EvaluateTier(_cluster, ClusterPolicyTier.Admin, direction, pod, other, PortSet.All);
        if (isolated)
        {
            return admin.Accepted.Union(admin.Undecided.Intersect(networkPolicy));
        }

        var baseline = Semantics.EvaluateTier(_cluster, ClusterPolicyTier.Baseline, direction, pod, other, admin.Undecided);
        return admin.Accepted.Union(baseline.Accepted).Union(baseline.Undecided);
    }

    /// <summary>Counts pair by pair (cluster network policies present): see the class remarks.</summary>
    private PairCounts CountTieredPairs(IReadOnlyList<Probe> probes)
    {
        var pods = _cluster.Pods;
        long any = 0;
        var perProbe = new long[probes.Count];
        foreach (var x in pods)
        {
            var from = Endpoint.ForPod(x);
            foreach (var y in pods)
            {
                var ports = AllowedPorts(from, Endpoint.ForPod(y));
                if (ports.IsEmpty)
                {
                    continue;
                }

                any++;
                for (var i = 0; i < probes.Count; i++)
                {
                    if (ports.Contains(probes[i].Port, probes[i].Protocol))
                    {
                        perProbe[i]++;
                    }
                }
            }
        }

        return new PairCounts(pods.Count, any, perProbe);
    }
}
