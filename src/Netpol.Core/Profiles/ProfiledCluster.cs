using Netpol.Core.Model;

namespace Netpol.Core.Profiles;

/// <summary>
/// A cluster as one network plugin enforces it. Most behaviours are a rewrite of the input (<see cref="Cluster"/>):
/// pods whose IPs no ipBlock can match lose them, ipBlock peers the plugin skips match nothing, and cluster network
/// policies of kinds it does not implement are left out. The rest are pair-level rules that
/// <see cref="Adjust"/> applies to an engine's answer: traffic from a pod's own node, and SCTP.
/// </summary>
public sealed class ProfiledCluster
{
    private readonly Dictionary<Pod, Pod> _pods = new(ReferenceEqualityComparer.Instance);

    /// <summary>Rewrites <paramref name="original"/> for <paramref name="profile"/>.</summary>
    public ProfiledCluster(CniProfile profile, Cluster original)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(original);
        Profile = profile;
        Original = original;
        if (!profile.EnforcesPolicies)
        {
            // Nothing is enforced: the policies are stored by the API server and applied by no one.
            Cluster = new Cluster(original.Namespaces, original.Pods, [], original.Services, [], original.Nodes);
            IgnoredClusterPolicies = original.ClusterPolicies;
            return;
        }

        if (profile.IPBlockMatchesPodIPs && profile.IPBlockMatchesNodeIPs && profile.IPBlockWithNamedPortMatches
            && profile.ClusterPolicies == ClusterPolicyApis.All)
        {
            Cluster = original;
            IgnoredClusterPolicies = [];
            return;
        }

        var pods = new List<Pod>(original.Pods.Count);
        foreach (var pod in original.Pods)
        {
            // The pod stays the same object when nothing about it changes, so lookups by reference keep working.
            var hidden = pod.HostNetwork ? !profile.IPBlockMatchesNodeIPs : !profile.IPBlockMatchesPodIPs;
            var mapped = hidden && pod.IPs.Count > 0 ? pod with { IPs = [] } : pod;
            _pods[pod] = mapped;
            pods.Add(mapped);
        }

        var policies = profile.IPBlockWithNamedPortMatches ? original.Policies : [.. original.Policies.Select(SkipIPBlocksWithNamedPorts)];
        IgnoredClusterPolicies = [.. original.ClusterPolicies.Where(p => !profile.Implements(p))];
        Cluster = new Cluster(
            original.Namespaces,
            pods,
            policies,
            original.Services,
            original.ClusterPolicies.Where(profile.Implements),
            original.Nodes);
    }

    /// <summary>The profile applied.</summary>
    public CniProfile Profile { get; }

    /// <summary>The cluster as loaded.</summary>
    public Cluster Original { get; }

    /// <summary>The cluster rewritten for the plugin (the same object when the profile rewrites nothing).</summary>
    public Cluster Cluster { get; }

    /// <summary>The cluster network policies the plugin does not implement (left out of <see cref="Cluster"/>).</summary>
    public IReadOnlyList<ClusterNetworkPolicy> IgnoredClusterPolicies { get; }

    /// <summary>The endpoint of <see cref="Cluster"/> that stands for an endpoint of <see cref="Original"/>.</summary>
    public Endpoint Map(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Pod is { } pod && _pods.TryGetValue(pod, out var mapped) && !ReferenceEquals(mapped, pod)
            ? Endpoint.ForPod(mapped)
            : endpoint;
    }

    /// <summary>
    /// True when the profile lets the connection through because it comes from the destination pod's own node: the
    /// source is a hostNetwork pod on the same node, or an address of that node. Needs <see cref="Pod.NodeName"/>.
    /// </summary>
    public bool IsFromLocalNode(Endpoint from, Endpoint to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!Profile.NodeToLocalPodAllowed || to.Pod is not { HostNetwork: false, NodeName: { } node })
        {
            return false;
        }

        if (from.Pod is { } source)
        {
            return source.HostNetwork && source.NodeName == node;
        }

        return Original.Nodes.Any(n => n.Name == node && n.Addresses.Contains(from.Address!));
    }

    /// <summary>
    /// Applies the pair-level rules to what an engine over <see cref="Cluster"/> allows: everything from the local
    /// node (when the profile allows it), then no SCTP (when the plugin does not carry it). A pod to itself is left
    /// as it is.
    /// </summary>
    public PortSet Adjust(Endpoint from, Endpoint to, PortSet allowed)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(allowed);
        if (from.Pod is not null && ReferenceEquals(from.Pod, to.Pod))
        {
            return allowed;
        }

        if (IsFromLocalNode(from, to))
        {
            allowed = PortSet.All;
        }

        return Profile.SupportsSctp ? allowed : allowed.Except(PortSet.OfProtocol(Protocol.SCTP));
    }

    private static NetworkPolicy SkipIPBlocksWithNamedPorts(NetworkPolicy policy)
    {
        if (!policy.Ingress.Concat(policy.Egress).Any(HasSkippedPeer))
        {
            return policy;
        }

        return policy with { Ingress = [.. policy.Ingress.Select(Rewrite)], Egress = [.. policy.Egress.Select(Rewrite)] };
    }

    private static bool HasSkippedPeer(PolicyRule rule) => rule.Ports.Any(p => p.Name is not null) && rule.Peers.Any(p => p.IPBlock is not null);

    private static PolicyRule Rewrite(PolicyRule rule)
    {
        if (!HasSkippedPeer(rule))
        {
            return rule;
        }

        // The peer stays in place (rule and peer indices keep their meaning) but matches nothing: its CIDR minus itself.
        return rule with
        {
            Peers = [.. rule.Peers.Select(p => p.IPBlock is { } block ? p with { IPBlock = new IPBlock(block.Cidr, [block.Cidr]) } : p)],
        };
    }
}
