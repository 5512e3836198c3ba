using Netpol.Analysis.Cni;
using Netpol.Analysis.Endpoints;
using Netpol.Core;
using Netpol.Core.Model;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Check;

/// <summary>Runs <c>netpol check</c>: resolves the endpoints and explains every resulting pair.</summary>
public static class CheckAnalysis
{
    /// <summary>Checks whether <paramref name="from"/> can reach <paramref name="to"/> under upstream semantics.</summary>
    public static CheckResult Run(Cluster cluster, string from, string to, int? port, Protocol? protocol) =>
        Run(cluster, from, to, port, protocol, CniSelection.Portable);

    /// <summary>
    /// Checks whether <paramref name="from"/> can reach <paramref name="to"/> as a network plugin enforces it. With a
    /// plugin profile the explanation and verdict are the plugin's, and each pair also carries the portable and the
    /// plugin verdict with the reasons they differ; with <c>--cni all</c> the explanation is upstream's and each pair
    /// carries every profile's verdict.
    /// </summary>
    public static CheckResult Run(Cluster cluster, string from, string to, int? port, Protocol? protocol, CniSelection cni)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(cni);
        var resolver = new EndpointResolver(cluster);
        var sources = resolver.Resolve(from, port, protocol);
        var destinations = resolver.Resolve(to, port, protocol);
        var comparer = cni.Compares ? new CniComparer(cluster, cni.Compared) : null;
        var explainer = new CniExplainer(cluster, cni.All ? CniProfiles.Portable : cni.Profile, comparer);
        var explainers = new Dictionary<CniProfile, CniExplainer>();
        CniExplainer ExplainerFor(CniProfile profile)
        {
            if (!explainers.TryGetValue(profile, out var found))
            {
                found = profile == explainer.Profile ? explainer : new CniExplainer(cluster, profile, comparer);
                explainers[profile] = found;
            }

            return found;
        }

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
                if (comparer is null)
                {
                    cases.Add(new CheckCase(s.Via, d.Via, explainer.Explain(s.Endpoint, d.Endpoint, p, proto, d.ServicePort)));
                    continue;
                }

                var scope = PortSet.Of(proto, p, p);
                var verdicts = comparer.Profiles.Select(profile =>
                {
                    var ports = comparer.Allowed(profile, s.Endpoint, d.Endpoint).Intersect(scope);
                    var reasons = comparer.Reasons(profile, s.Endpoint, d.Endpoint, scope);
                    if (profile.ServicePortMustEqualTargetPort && d.ServicePort is { } sp && sp != p)
                    {
                        // The plugin matches egress on the Service port: only its explainer sees both ports.
                        var viaService = ExplainerFor(profile).Explain(s.Endpoint, d.Endpoint, p, proto, sp);
                        ports = viaService.Allowed ? scope : PortSet.Empty;
                        if (viaService.Allowed != !comparer.Allowed(CniProfiles.Portable, s.Endpoint, d.Endpoint).Intersect(scope).IsEmpty
                            && profile.EvidenceFor(CniBehaviour.ServicePortMustEqualTargetPort) is { } why)
                        {
                            reasons = [.. reasons, why];
                        }
                    }

                    return new CniVerdict(profile.Name, !ports.IsEmpty, ports, reasons);
                }).ToList();
                cases.Add(new CheckCase(s.Via, d.Via, explainer.Explain(s.Endpoint, d.Endpoint, p, proto, d.ServicePort)) { Profiles = verdicts });
            }
        }

        return new CheckResult(from, to, port ?? destinations[0].Port, protocol ?? destinations[0].Protocol ?? Protocol.TCP, cases)
        {
            Cni = cni.All ? "all" : cni.Profile.IsPortable ? null : cni.Profile.Name,
        };
    }
}
