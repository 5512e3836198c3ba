using System.Net;
using Netpol.Analysis.Naming;
using Netpol.Core;
using Netpol.Core.Model;

namespace Netpol.Analysis.Endpoints;

/// <summary>
/// Resolves what users type for an endpoint: <c>ns/pod</c>, <c>ns/deploy/name</c> (and the other workload
/// kinds and their aliases), <c>ns/svc/name</c> (a Service: every backing pod, with its port resolved to the
/// targetPort), or an IP address (the pod with that IP, else an external address).
/// </summary>
public sealed class EndpointResolver(Cluster cluster)
{
    private static string? KindOf(string word) => word.ToLowerInvariant() switch
    {
        "pod" or "pods" or "po" => "pod",
        "svc" or "service" or "services" => "svc",
        _ => WorkloadKinds.Aliases.GetValueOrDefault(word),
    };

    /// <summary>Resolves a destination (a Service port resolves to its backends' target ports).</summary>
    public IReadOnlyList<EndpointTarget> Resolve(string text, int? port, Protocol? protocol)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IPAddress.TryParse(text, out var address))
        {
            var pod = cluster.FindPodByIP(address);
            return [new EndpointTarget(pod is null ? Endpoint.ForAddress(address) : Endpoint.ForPod(pod), port, protocol, null)];
        }

        // A bare name means a pod of the default namespace, as kubectl reads it.
        var parts = text.Contains('/', StringComparison.Ordinal) ? text.Split('/') : ["default", text];
        if (parts.Length == 2)
        {
            var pod = cluster.FindPod($"{parts[0]}/{parts[1]}");
            return pod is not null ? [new EndpointTarget(Endpoint.ForPod(pod), port, protocol, null)] : throw Unknown(text);
        }

        if (parts.Length != 3 || KindOf(parts[1]) is not { } kind)
        {
            throw new NetpolException($"cannot read endpoint \"{text}\": use NAMESPACE/POD, NAMESPACE/KIND/NAME (deploy, sts, ds, rs, rc, job, cronjob, svc) or an IP address");
        }

        var (ns, name) = (parts[0], parts[2]);
        if (kind == "pod")
        {
            var pod = cluster.FindPod($"{ns}/{name}") ?? throw Unknown(text);
            return [new EndpointTarget(Endpoint.ForPod(pod), port, protocol, null)];
        }

        if (kind == "svc")
        {
            return ResolveService(text, ns, name, port, protocol);
        }

        var synthetic = cluster.FindPod($"{ns}/{kind}/{name}");
        if (synthetic is not null)
        {
            return [new EndpointTarget(Endpoint.ForPod(synthetic), port, protocol, null)];
        }

        var owned = cluster.PodsIn(ns).Where(p => p.Owner == $"{kind}/{name}").ToList();
        return owned.Count > 0
            ? owned.Select(p => new EndpointTarget(Endpoint.ForPod(p), port, protocol, $"{kind}/{name}")).ToList()
            : throw Unknown(text);
    }

    /// <summary>
    /// Resolves a source: as <see cref="Resolve"/>, except that a Service stands for its backing pods whatever its
    /// ports (a source's port is chosen by the connection, not by the Service).
    /// </summary>
    public IReadOnlyList<EndpointTarget> ResolveSource(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ServiceParts(text) is not { } svc)
        {
            return Resolve(text, null, null);
        }

        var service = FindService(svc.Namespace, svc.Name);
        return Backends(service).Select(p => new EndpointTarget(Endpoint.ForPod(p), null, null, $"svc/{service.Name}")).ToList();
    }

    /// <summary>The Service that <paramref name="text"/> names as <c>ns/svc/name</c>, or null (also when there is no such Service).</summary>
    public Service? ServiceNamed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ServiceParts(text) is { } svc ? cluster.FindService($"{svc.Namespace}/{svc.Name}") : null;
    }

    private static (string Namespace, string Name)? ServiceParts(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 3 && KindOf(parts[1]) == "svc" ? (parts[0], parts[2]) : null;
    }

    private Service FindService(string ns, string name) =>
        cluster.FindService($"{ns}/{name}")
            ?? throw new NetpolException($"no Service {ns}/{name} in the input{Suggest(cluster.Services.Select(s => s.FullName), $"{ns}/{name}")}");

    private IReadOnlyList<Pod> Backends(Service service)
    {
        var backends = cluster.BackendsOf(service);
        return backends.Count > 0
            ? backends
            : throw new NetpolException($"Service {service.FullName} selects no pod in the input (selector {(service.Selector is null ? "none" : string.Join(",", service.Selector.Select(kv => $"{kv.Key}={kv.Value}")))})");
    }

    private List<EndpointTarget> ResolveService(string text, string ns, string name, int? port, Protocol? protocol)
    {
        var service = FindService(ns, name);
        var candidates = service.Ports.Where(p => (port is null || p.Port == port) && (protocol is null || p.Protocol == protocol)).ToList();
        if (candidates.Count == 0)
        {
            var list = string.Join(", ", service.Ports.Select(p => $"{p.Port}/{p.Protocol}"));
            throw new NetpolException(port is null
                ? $"Service {service.FullName} has no ports"
                : $"Service {service.FullName} has no port {port}{(protocol is null ? string.Empty : "/" + protocol)}; it has {list}");
        }

        if (port is null && candidates.Count > 1)
        {
            throw new NetpolException($"Service {service.FullName} has several ports ({string.Join(", ", candidates.Select(p => $"{p.Port}/{p.Protocol}"))}): choose one with --port");
        }

        var sp = candidates[0];
        var backends = Backends(service);
        var result = new List<EndpointTarget>();
        foreach (var pod in backends)
        {
            int? target = sp.TargetPort;
            if (sp.TargetPortName is { } tn)
            {
                target = pod.Ports.FirstOrDefault(c => c.Name == tn && c.Protocol == sp.Protocol)?.Port;
            }

            result.Add(new EndpointTarget(Endpoint.ForPod(pod), target, sp.Protocol, $"svc/{name}:{sp.Port}") { ServicePort = sp.Port });
        }

        return result;
    }

    private NetpolException Unknown(string text)
    {
        var names = cluster.Pods.Select(p => p.FullName);
        return new NetpolException($"no pod or workload \"{text}\" in the input{Suggest(names, text)}");
    }

    private static string Suggest(IEnumerable<string> names, string text)
    {
        var best = names.Select(n => (Name: n, Distance: EditDistance.Between(n, text))).OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, text.Length / 3) ? $"; did you mean {best.Name}?" : string.Empty;
    }


}
