using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>service-port-not-target-port</c>: a rule allows a Service's <c>port</c> to the Service's pods, but the pods
/// listen on a different <c>targetPort</c>. Policies see the connection after the service address is translated,
/// so on the pod's port: the rule allows a port nothing uses and the real one stays blocked.
/// </summary>
public sealed class ServicePortNotTargetPortRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "service-port-not-target-port";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Error;

    /// <inheritdoc />
    public override string Summary => "a rule allows a Service's port to its pods, but they listen on a different targetPort";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Cluster.Services.Count == 0)
        {
            return;
        }

        var backends = context.Cluster.Services.ToDictionary(s => s, s => new HashSet<Pod>(context.Cluster.BackendsOf(s), ReferenceEqualityComparer.Instance));
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var (rule, path, direction) in PolicyRules.All(policy))
            {
                List<Pod>? destinations = null;
                for (var j = 0; j < rule.Ports.Count; j++)
                {
                    var entry = rule.Ports[j];
                    if (entry.Port is not { } number || entry.EndPort is not null)
                    {
                        continue;
                    }

                    destinations ??= [.. context.Destinations(policy, direction, rule)];
                    foreach (var (service, servicePort, pod, target) in Mismatches(context.Cluster, backends, destinations, number, entry.Protocol))
                    {
                        var allowed = Semantics.PortsOf(rule, Endpoint.ForPod(pod));
                        if (allowed.Contains(target, entry.Protocol))
                        {
                            continue;
                        }

                        var targetText = servicePort.TargetPortName is { } tn ? $"{tn} ({target})" : target.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        context.Report(
                            policy,
                            $"{path}.ports[{j}].port",
                            $"allows {number}/{entry.Protocol}, the port of Service {service.FullName}, but its pods ({pod.FullName}{(backends[service].Count > 1 ? ", ..." : string.Empty)}) listen on targetPort {targetText}: policies see the pod's port, so the service stays blocked",
                            $"allow the target port: port: {servicePort.TargetPortName ?? target.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                        break;
                    }
                }
            }
        }
    }

    private static IEnumerable<(Service Service, ServicePort Port, Pod Pod, int Target)> Mismatches(
        Cluster cluster, Dictionary<Service, HashSet<Pod>> backends, List<Pod> destinations, int number, Protocol protocol)
    {
        foreach (var pod in destinations)
        {
            // A pod that declares the number itself may well listen on it.
            if (pod.Ports.Any(c => c.Port == number && c.Protocol == protocol))
            {
                continue;
            }

            foreach (var service in cluster.Services)
            {
                if (service.Namespace != pod.Namespace || !backends[service].Contains(pod))
                {
                    continue;
                }

                foreach (var sp in service.Ports)
                {
                    if (sp.Port != number || sp.Protocol != protocol)
                    {
                        continue;
                    }

                    int? target = sp.TargetPortName is { } name
                        ? pod.Ports.FirstOrDefault(c => c.Name == name && c.Protocol == protocol)?.Port
                        : sp.TargetPort;
                    if (target is { } t && t != number)
                    {
                        yield return (service, sp, pod, t);
                    }
                }
            }
        }
    }
}
