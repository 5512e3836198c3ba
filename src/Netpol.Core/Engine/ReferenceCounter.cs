using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Core.Engine;

/// <summary>Counts allowed pod pairs with the reference evaluator, pair by pair: slow, obviously right.</summary>
public sealed class ReferenceCounter(ReferenceEvaluator evaluator) : IPairCounter
{
    /// <inheritdoc />
    public PairCounts CountAllowedPairs(IReadOnlyList<Probe> probes)
    {
        ArgumentNullException.ThrowIfNull(probes);
        var pods = evaluator.Cluster.Pods;
        long any = 0;
        var perProbe = new long[probes.Count];
        foreach (var a in pods)
        {
            var from = Endpoint.ForPod(a);
            foreach (var b in pods)
            {
                var ports = evaluator.AllowedPorts(from, Endpoint.ForPod(b));
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
