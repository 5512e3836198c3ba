using Netpol.Core.Model;

namespace Netpol.Core.Engine;

public sealed partial class FastEngine
{
    /// <summary>
    /// Counts allowed ordered pod pairs. Every pair is first counted with the cross-namespace formula over groups
    /// of classes that share a global identity and cross-namespace behaviour; then, namespace by namespace, the
    /// same-namespace pairs are corrected to their exact verdict (podSelector-only peers, a pod to itself).
    /// </summary>
    public PairCounts CountAllowedPairs(IReadOnlyList<Probe> probes)
    {
        ArgumentNullException.ThrowIfNull(probes);
        var tally = new Tally(this, probes);
        var sources = new Dictionary<(int Global, int Cross), long>();
        var destinations = new Dictionary<(int Global, int Cross), long>();
        foreach (var c in _localClasses)
        {
            var eg = c.EgressProfile == NotIsolated ? NotIsolated : _profileValues[c.EgressProfile].Cross;
            var ig = c.IngressProfile == NotIsolated ? NotIsolated : _profileValues[c.IngressProfile].Cross;
            sources[(c.Global, eg)] = sources.GetValueOrDefault((c.Global, eg)) + c.Count;
            destinations[(c.Global, ig)] = destinations.GetValueOrDefault((c.Global, ig)) + c.Count;
        }

        var dst = destinations.ToArray();
        foreach (var (s, ns) in sources)
        {
            foreach (var (d, nd) in dst)
            {
                tally.Add(Cross(s.Global, s.Cross, d.Global, d.Cross), ns * nd);
            }
        }

        foreach (var classes in _localClassesByNamespace)
        {
            foreach (var a in classes)
            {
                var ca = _localClasses[a];
                var ia = Info(a);
                var egA = ca.EgressProfile == NotIsolated ? NotIsolated : _profileValues[ca.EgressProfile].Cross;
                foreach (var b in classes)
                {
                    var cb = _localClasses[b];
                    var igB = cb.IngressProfile == NotIsolated ? NotIsolated : _profileValues[cb.IngressProfile].Cross;
                    var pairs = ca.Count * cb.Count;
                    tally.Add(Cross(ca.Global, egA, cb.Global, igB), -pairs);
                    var exact = Allowed(ia, Info(b));
                    if (a == b)
                    {
                        tally.Add(_ports.All, ca.Count);
                        tally.Add(exact, pairs - ca.Count);
                    }
                    else
                    {
                        tally.Add(exact, pairs);
                    }
                }
            }
        }

        return new PairCounts(_cluster.Pods.Count, tally.AnyPort, tally.PerProbe);
    }

    private EndpointInfo Info(int localClass)
    {
        var c = _localClasses[localClass];
        return new EndpointInfo(c.Global, localClass, c.Namespace, c.EgressProfile, c.IngressProfile);
    }

    private int Cross(int sourceGlobal, int egressCross, int destinationGlobal, int ingressCross)
    {
        var egress = egressCross == NotIsolated ? _ports.All : CrossPorts(egressCross, destinationGlobal);
        if (_clusterPolicies.Count > 0)
        {
            egress = TieredSide(Direction.Egress, sourceGlobal, destinationGlobal, egressCross != NotIsolated, egress);
        }

        if (egress == _ports.Empty)
        {
            return egress;
        }

        var ingress = ingressCross == NotIsolated ? _ports.All : CrossPorts(ingressCross, sourceGlobal);
        if (_clusterPolicies.Count > 0)
        {
            ingress = TieredSide(Direction.Ingress, destinationGlobal, sourceGlobal, ingressCross != NotIsolated, ingress);
        }

        return _ports.Intersect(egress, ingress);
    }

    /// <summary>Adds weighted pairs per port-set id, remembering what each set says about the probes.</summary>
    private sealed class Tally(FastEngine engine, IReadOnlyList<Probe> probes)
    {
        private readonly Dictionary<int, bool[]> _verdicts = [];
        private readonly long[] _perProbe = new long[probes.Count];

        public long AnyPort { get; private set; }

        public IReadOnlyList<long> PerProbe => _perProbe;

        public void Add(int portSet, long weight)
        {
            if (weight == 0 || portSet == engine._ports.Empty)
            {
                return;
            }

            AnyPort += weight;
            if (probes.Count == 0)
            {
                return;
            }

            if (!_verdicts.TryGetValue(portSet, out var v))
            {
                var set = engine._ports[portSet];
                v = probes.Select(p => set.Contains(p.Port, p.Protocol)).ToArray();
                _verdicts[portSet] = v;
            }

            for (var i = 0; i < v.Length; i++)
            {
                if (v[i])
                {
                    _perProbe[i] += weight;
                }
            }
        }
    }
}
