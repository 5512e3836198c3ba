using Netpol.Core.Engine;
using Netpol.Core.Model;

namespace Netpol.Lab.Probing;

/// <summary>The ports the lab probes when none are given: every port the input mentions.</summary>
public static class LabProbes
{
    /// <summary>
    /// Every declared container port, and every numbered policy port (both ends of an endPort range), with its
    /// protocol; 80/TCP when the input mentions none. Named policy ports resolve to container ports, so they are in.
    /// </summary>
    public static IReadOnlyList<Probe> Default(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var probes = new SortedSet<Probe>(Comparer<Probe>.Create((a, b) => a.Protocol != b.Protocol ? a.Protocol.CompareTo(b.Protocol) : a.Port.CompareTo(b.Port)));
        foreach (var port in cluster.Pods.SelectMany(p => p.Ports))
        {
            probes.Add(new Probe(port.Port, port.Protocol));
        }

        foreach (var port in cluster.Policies.SelectMany(p => p.Ingress.Concat(p.Egress)).SelectMany(r => r.Ports))
        {
            if (port.Port is { } n)
            {
                probes.Add(new Probe(n, port.Protocol));
                if (port.EndPort is { } end)
                {
                    probes.Add(new Probe(end, port.Protocol));
                }
            }
        }

        return probes.Count == 0 ? [new Probe(80, Protocol.TCP)] : [.. probes];
    }
}
