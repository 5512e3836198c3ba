using System.Net;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Lint;

/// <summary>
/// Where pods send DNS queries, as lint assumes it: the pods labelled <c>k8s-app: kube-dns</c> (CoreDNS and
/// kube-dns both carry it) when the manifests have some; else the DNS service address (<c>--dns-ip</c>) together with
/// a stand-in CoreDNS pod in kube-system, because CNIs evaluate policy after the service address is translated to a
/// pod's, so a rule naming the DNS pods by labels works on a real cluster. When kube-system has other pods (add-ons
/// deployed with the app, while CoreDNS is managed by the cluster), they count as DNS endpoints too, in case the DNS
/// pods are among them under other labels.
/// </summary>
public sealed class DnsTargets
{
    /// <summary>The label CoreDNS and kube-dns pods carry.</summary>
    public const string LabelKey = "k8s-app";

    /// <summary>The value of <see cref="LabelKey"/> on DNS pods.</summary>
    public const string LabelValue = "kube-dns";

    /// <summary>The namespace of cluster DNS.</summary>
    public const string Namespace = "kube-system";

    private readonly Cluster _evaluation;
    private readonly IReadOnlyList<IPNetwork> _podRanges;

    internal DnsTargets(Cluster cluster, LintOptions options)
    {
        _podRanges = options.PodCidrs.Count > 0
            ? options.PodCidrs
            : [.. Snippets.PrivateIPv4.Concat(Snippets.PrivateIPv6).Select(t => IPNetwork.Parse(t))];
        var dnsPods = cluster.Pods.Where(p => !p.HostNetwork && p.Labels.TryGetValue(LabelKey, out var v) && v == LabelValue).ToList();
        if (dnsPods.Count > 0)
        {
            Endpoints = [.. dnsPods.Select(Endpoint.ForPod)];
            Description = $"the kube-dns pods ({Names(dnsPods)})";
            _evaluation = cluster;
            return;
        }

        // No DNS pods in the input: assume a standard CoreDNS deployment behind the DNS service address.
        var standIn = new Pod(
            Namespace,
            "coredns (assumed)",
            new Dictionary<string, string>(StringComparer.Ordinal) { [LabelKey] = LabelValue },
            options.DnsIPs,
            [new ContainerPort("dns", 53, Protocol.UDP), new ContainerPort("dns-tcp", 53, Protocol.TCP)]);
        var systemPods = cluster.PodsIn(Namespace).Where(p => !p.HostNetwork).ToList();
        _evaluation = new Cluster(cluster.Namespaces, [.. systemPods, standIn], [], []);
        Endpoints = [.. systemPods.Select(Endpoint.ForPod), Endpoint.ForPod(standIn), .. options.DnsIPs.Select(Endpoint.ForAddress)];
        var others = systemPods.Count > 0 ? $", or the kube-system pods ({Names(systemPods)})" : string.Empty;
        Description = $"cluster DNS at {string.Join(", ", options.DnsIPs)} (assumed, with CoreDNS pods labelled {LabelKey}={LabelValue} in kube-system: the manifests contain no DNS pods; set --dns-ip){others}";
        IsAssumed = true;
    }

    /// <summary>The DNS endpoints.</summary>
    public IReadOnlyList<Endpoint> Endpoints { get; }

    /// <summary>What the endpoints are, for messages.</summary>
    public string Description { get; }

    /// <summary>True when the manifests contain no DNS pods and the endpoints are assumed.</summary>
    public bool IsAssumed { get; }

    /// <summary>True when the peer of the policy admits one of the DNS endpoints (the assumed ones included).</summary>
    public bool Admits(NetworkPolicy policy, PolicyPeer peer) =>
        Endpoints.Any(e => Semantics.PeerMatches(policy, peer, e, _evaluation));

    /// <summary>True when the pod is one of the DNS endpoints.</summary>
    public bool IsDnsPod(Pod pod) => Endpoints.Any(e => ReferenceEquals(e.Pod, pod));

    /// <summary>
    /// True when the egress side alone lets a pod send to some DNS endpoint on the port: the pod is
    /// not isolated for egress (no policies given), or a rule of one of its egress policies admits the endpoint on that port.
    /// The DNS pods' own ingress is a separate matter.
    /// </summary>
    public bool EgressAllows(IReadOnlyList<NetworkPolicy> egressPolicies, int port, Protocol protocol)
    {
        ArgumentNullException.ThrowIfNull(egressPolicies);
        if (egressPolicies.Count == 0)
        {
            return true;
        }

        foreach (var policy in egressPolicies)
        {
            for (var i = 0; i < policy.Egress.Count; i++)
            {
                if (RuleAllows(policy, policy.Egress[i], port, protocol))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the egress rule admits some DNS endpoint on the port.</summary>
    public bool RuleAllows(NetworkPolicy policy, PolicyRule rule, int port, Protocol protocol)
    {
        foreach (var target in Endpoints)
        {
            var admits = Semantics.RuleAdmits(policy, rule, target, _evaluation) || CoversUnknownAddress(rule, target);
            if (admits && Semantics.PortsOf(rule, target).Contains(port, protocol))
            {
                return true;
            }
        }

        return false;
    }

    // A DNS pod from a pod template has no IP in the input, but it will have one in the pod ranges (--pod-cidr, or
    // else somewhere private): an ipBlock that holds all of those ranges, such as 0.0.0.0/0, surely matches it.
    private bool CoversUnknownAddress(PolicyRule rule, Endpoint target)
    {
        if (target.Pod is not { HasNoIP: true, HostNetwork: false })
        {
            return false;
        }

        foreach (var peer in rule.Peers)
        {
            if (peer.IPBlock is not { } block)
            {
                continue;
            }

            var family = block.Cidr.BaseAddress.AddressFamily;
            var ranges = _podRanges.Where(r => r.BaseAddress.AddressFamily == family).ToList();
            if (ranges.Count > 0 && ranges.All(r => Holds(block, r)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Holds(IPBlock block, IPNetwork range) =>
        block.Cidr.PrefixLength <= range.PrefixLength && block.Cidr.Contains(range.BaseAddress)
        && !block.Except.Any(e => e.Contains(range.BaseAddress) || range.Contains(e.BaseAddress));

    private static string Names(List<Pod> pods) =>
        pods.Count <= 3 ? string.Join(", ", pods.Select(p => p.FullName)) : $"{string.Join(", ", pods.Take(3).Select(p => p.FullName))} and {pods.Count - 3} more";
}
