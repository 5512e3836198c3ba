using Netpol.Analysis.Endpoints;
using Netpol.Core;
using Netpol.Core.Explain;
using Netpol.Core.Model;

namespace Netpol.Analysis.Check;

/// <summary>Runs <c>netpol check</c>: resolves the endpoints and explains every resulting pair.</summary>
public static class CheckAnalysis
{
    /// <summary>Checks whether <paramref name="from"/> can reach <paramref name="to"/>.</summary>
    public static CheckResult Run(Cluster cluster, string from, string to, int? port, Protocol? protocol)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var resolver = new EndpointResolver(cluster);
        var sources = resolver.Resolve(from, port, protocol);
        var destinations = resolver.Resolve(to, port, protocol);
        var explainer = new Explainer(cluster);
        var cases = new List<CheckCase>();
        foreach (var d in destinations)
        {
            if (d.Port is not { } p)
            {
                throw new NetpolException(d.Via is null
                    ? "--port is required: the port to check on the destination"
                    : $"{d.Endpoint} has no container port named as {d.Via}'s targetPort");
            }

            var proto = d.Protocol ?? protocol ?? Protocol.TCP;
            foreach (var s in sources)
            {
                cases.Add(new CheckCase(s.Via, d.Via, explainer.Explain(s.Endpoint, d.Endpoint, p, proto)));
            }
        }

        return new CheckResult(from, to, port ?? destinations[0].Port, protocol ?? destinations[0].Protocol ?? Protocol.TCP, cases);
    }
}
