using System.Net;
using Netpol.Core.Model;
using Netpol.Manifests.Flows;

namespace Netpol.Analysis.Audit;

/// <summary>
/// Ties the endpoints of observed flows to the pods of the manifests. An endpoint with a namespace is an in-cluster
/// pod, tried in this order:
/// <list type="number">
/// <item>its pod name names a pod;</item>
/// <item>its owning workload, as the flow gives it, has pods (a workload manifest's synthetic pod, or real pods it owns);</item>
/// <item>its pod name is one the workload's controller would give (<c>web-5d8f7c9b4-x2x9z</c>: Deployment web;
///   <c>db-0</c>: StatefulSet db; <c>backup-28930140-x7k2p</c>: CronJob backup);</item>
/// <item>its IP is the IP of a pod of that namespace;</item>
/// <item>its Kubernetes labels (without Cilium's <c>io.kubernetes.*</c>/<c>io.cilium.*</c> and the labels controllers
///   add, such as <c>pod-template-hash</c>) are all carried by the pods of exactly one workload.</item>
/// </list>
/// Names come before the IP because a pod that replaced another may have inherited its address. If nothing matches,
/// the endpoint is unknown: reported with its flow count, never evaluated. An endpoint without a namespace is
/// external when Cilium says <c>reserved:world</c>; otherwise the pod with its IP, else an external address.
/// All pods of one workload share one template, so any of them answers for the workload; a pod that answers for
/// another (matched by workload, owner or labels) takes the flow's IP, so that ipBlock peers see the address the
/// traffic really had (a workload manifest's synthetic pod has none).
/// </summary>
public sealed class FlowEndpointMatcher
{

    private readonly Cluster _cluster;
    private readonly Dictionary<FlowEndpoint, EndpointMatch> _matches = [];
    private readonly Dictionary<Pod, Endpoint> _podEndpoints = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IPAddress, Endpoint> _addressEndpoints = [];
    private readonly Dictionary<(string Namespace, string Owner), Pod> _byOwner = [];
    private readonly Dictionary<(Pod Pod, IPAddress Address), Endpoint> _standIns = new(StandInComparer.Instance);

    /// <summary>Creates a matcher over the pods of a cluster.</summary>
    public FlowEndpointMatcher(Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        _cluster = cluster;
        foreach (var pod in cluster.Pods)
        {
            if (pod.Owner is not { } owner)
            {
                continue;
            }

            // A workload manifest's synthetic pod is the template itself: prefer it over a real pod it owns.
            var key = (pod.Namespace, owner);
            if (!_byOwner.TryGetValue(key, out var known) || (known.WorkloadKind is null && pod.WorkloadKind is not null))
            {
                _byOwner[key] = pod;
            }
        }
    }

    /// <summary>Matches an endpoint (each distinct endpoint is matched once and remembered).</summary>
    public EndpointMatch Match(FlowEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!_matches.TryGetValue(endpoint, out var match))
        {
            match = Decide(endpoint);
            _matches[endpoint] = match;
        }

        return match;
    }

    /// <summary>The workload the controller that names pods this way would own, most likely first (<c>deploy/web</c>, ...).</summary>
    internal static IEnumerable<string> OwnerCandidates(string podName)
    {
        var parts = podName.Split('-');
        if (parts.Length >= 3 && parts[^1].Length == 5 && IsLowerAlphanumeric(parts[^1]))
        {
            var prefix = string.Join('-', parts[..^2]);
            var middle = parts[^2];
            if (middle.All(char.IsAsciiDigit))
            {
                // CronJob pods: <cronjob>-<scheduled minute>-<suffix>.
                yield return $"cronjob/{prefix}";
            }

            if (middle.Length <= 10 && IsLowerAlphanumeric(middle))
            {
                // Deployment pods: <deployment>-<pod-template-hash>-<suffix>.
                yield return $"deploy/{prefix}";
            }
        }

        if (parts.Length >= 2)
        {
            var prefix = string.Join('-', parts[..^1]);
            var last = parts[^1];
            if (last.All(char.IsAsciiDigit))
            {
                // StatefulSet pods: <statefulset>-<ordinal>.
                yield return $"sts/{prefix}";
            }

            if (last.Length == 5 && IsLowerAlphanumeric(last))
            {
                // DaemonSet, ReplicaSet, Job and ReplicationController pods: <owner>-<suffix>.
                yield return $"ds/{prefix}";
                yield return $"rs/{prefix}";
                yield return $"job/{prefix}";
                yield return $"rc/{prefix}";
            }
        }
    }

    private static bool IsLowerAlphanumeric(string s) => s.Length > 0 && s.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));

    private EndpointMatch Decide(FlowEndpoint e)
    {
        if (e.Namespace is not { } ns)
        {
            if (e.IP is not { } ip)
            {
                return new(MatchMethod.Unknown, null, e.Reserved.Count > 0 ? "a reserved identity without an IP address" : "no namespace, pod name or IP address");
            }

            if (!e.IsWorld && _cluster.FindPodByIP(ip) is { } byIP)
            {
                return new(MatchMethod.IP, ForPod(byIP));
            }

            return new(MatchMethod.External, ForAddress(ip));
        }

        if (e.PodName is { } name && _cluster.FindPod($"{ns}/{name}") is { } pod)
        {
            return new(MatchMethod.PodName, ForPod(pod));
        }

        if (e.Workload is { } workload && _byOwner.TryGetValue((ns, workload), out var owned))
        {
            return new(MatchMethod.Workload, StandIn(owned, e.IP));
        }

        if (e.PodName is { } podName)
        {
            foreach (var owner in OwnerCandidates(podName))
            {
                if (_byOwner.TryGetValue((ns, owner), out var candidate))
                {
                    return new(MatchMethod.Owner, StandIn(candidate, e.IP));
                }
            }
        }

        if (e.IP is { } address && _cluster.FindPodByIP(address) is { } withIP && withIP.Namespace == ns)
        {
            return new(MatchMethod.IP, ForPod(withIP));
        }

        var (byLabels, why) = MatchLabels(ns, e.Labels);
        if (byLabels is not null)
        {
            return new(MatchMethod.Labels, StandIn(byLabels, e.IP));
        }

        if (_cluster.FindNamespace(ns) is null)
        {
            return new(MatchMethod.Unknown, null, $"namespace {ns} is not in the manifests");
        }

        return new(MatchMethod.Unknown, null, why ?? Nothing(e));
    }

    private static string Nothing(FlowEndpoint e)
    {
        var tried = new List<string>();
        if (e.PodName is not null)
        {
            tried.Add("pod name");
        }

        if (e.Workload is not null)
        {
            tried.Add("workload");
        }

        if (e.IP is not null)
        {
            tried.Add("IP");
        }

        if (e.Labels.Count > 0)
        {
            tried.Add("labels");
        }

        return tried.Count == 0
            ? $"no pod name, workload, IP or labels to match in namespace {e.Namespace}"
            : $"no pod of namespace {e.Namespace} matches its {string.Join(", ", tried)}";
    }

    private (Pod? Pod, string? Why) MatchLabels(string ns, IReadOnlyDictionary<string, string> labels)
    {
        var wanted = labels.Where(kv => !IsInfrastructureLabel(kv.Key)).ToList();
        if (wanted.Count == 0)
        {
            return (null, null);
        }

        var candidates = _cluster.PodsIn(ns)
            .Where(p => wanted.All(kv => p.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value))
            .ToList();
        var workloads = candidates.GroupBy(p => p.Owner ?? p.Name, StringComparer.Ordinal).ToList();
        if (workloads.Count > 1)
        {
            // Several workloads carry these labels and more: the one that carries exactly these is the one.
            var exact = workloads.Where(g => g.Any(p => p.Labels.Count(kv => !ControllerLabels.Contains(kv.Key)) == wanted.Count)).ToList();
            if (exact.Count == 1)
            {
                workloads = exact;
            }
        }

        return workloads.Count switch
        {
            0 => (null, null),
            1 => (Prefer(workloads[0]), null),
            _ => (null, $"its labels {string.Join(",", wanted.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))} match several workloads: {string.Join(", ", workloads.Select(g => $"{ns}/{g.Key}").Order(StringComparer.Ordinal))}"),
        };
    }

    private static Pod Prefer(IEnumerable<Pod> pods) => pods.FirstOrDefault(p => p.WorkloadKind is not null) ?? pods.First();

    private static bool IsInfrastructureLabel(string key) =>
        key.StartsWith("io.kubernetes", StringComparison.Ordinal)
        || key.StartsWith("io.cilium", StringComparison.Ordinal)
        || ControllerLabels.Contains(key);

    private Endpoint ForPod(Pod pod)
    {
        if (!_podEndpoints.TryGetValue(pod, out var endpoint))
        {
            endpoint = Endpoint.ForPod(pod);
            _podEndpoints[pod] = endpoint;
        }

        return endpoint;
    }

    private Endpoint StandIn(Pod pod, IPAddress? address)
    {
        if (address is null || (pod.IPs.Count == 1 && pod.IPs[0].Equals(address)))
        {
            return ForPod(pod);
        }

        if (!_standIns.TryGetValue((pod, address), out var endpoint))
        {
            endpoint = Endpoint.ForPod(pod with { IPs = [address] });
            _standIns[(pod, address)] = endpoint;
        }

        return endpoint;
    }

    private Endpoint ForAddress(IPAddress address)
    {
        if (!_addressEndpoints.TryGetValue(address, out var endpoint))
        {
            endpoint = Endpoint.ForAddress(address);
            _addressEndpoints[address] = endpoint;
        }

        return endpoint;
    }

    private sealed class StandInComparer : IEqualityComparer<(Pod Pod, IPAddress Address)>
    {
        public static readonly StandInComparer Instance = new();

        public bool Equals((Pod Pod, IPAddress Address) x, (Pod Pod, IPAddress Address) y) =>
            ReferenceEquals(x.Pod, y.Pod) && x.Address.Equals(y.Address);

        public int GetHashCode((Pod Pod, IPAddress Address) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Pod), obj.Address);
    }
}
