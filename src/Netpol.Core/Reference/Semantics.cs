using Netpol.Core.Model;

namespace Netpol.Core.Reference;

/// <summary>
/// The NetworkPolicy rules, written literally, one small function each. The reference evaluator and the
/// explainer use these; the fast engine reimplements them over equivalence classes and is tested against them.
/// </summary>
public static class Semantics
{
    /// <summary>
    /// True when the policy selects the pod for the direction: same namespace, podSelector matches, and the
    /// effective policyTypes include the direction. hostNetwork pods are never selected (not subject to policy).
    /// </summary>
    public static bool Selects(NetworkPolicy policy, Pod pod, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(pod);
        return !pod.HostNetwork
            && policy.Namespace == pod.Namespace
            && policy.Affects(direction)
            && policy.PodSelector.Matches(pod.Labels);
    }

    /// <summary>
    /// True when a peer of a policy matches the endpoint at the other end of the connection.
    /// Selector peers match only pods (not hostNetwork pods, whose traffic carries the node's address);
    /// ipBlock peers match addresses: an external address or a pod's IPs (a pod without an IP never matches).
    /// </summary>
    public static bool PeerMatches(NetworkPolicy policy, PolicyPeer peer, Endpoint other, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(cluster);
        if (peer.IPBlock is { } block)
        {
            foreach (var address in other.Addresses)
            {
                if (block.Matches(address))
                {
                    return true;
                }
            }

            return false;
        }

        if (other.Pod is not { HostNetwork: false } pod)
        {
            return false;
        }

        if (peer.NamespaceSelector is null)
        {
            // podSelector alone: pods of the policy's own namespace.
            return pod.Namespace == policy.Namespace && (peer.PodSelector ?? LabelSelector.Everything).Matches(pod.Labels);
        }

        return peer.NamespaceSelector.Matches(cluster.NamespaceOf(pod).Labels)
            && (peer.PodSelector ?? LabelSelector.Everything).Matches(pod.Labels);
    }

    /// <summary>
    /// The ports one policy port allows toward the destination. Named ports resolve against the destination pod's
    /// container ports of the same protocol; an external destination never matches a named port.
    /// </summary>
    public static PortSet PortsOf(PolicyPort port, Endpoint destination)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(destination);
        if (port.Name is { } name)
        {
            if (destination.Pod is not { } pod)
            {
                return PortSet.Empty;
            }

            var ranges = pod.Ports.Where(c => c.Name == name && c.Protocol == port.Protocol)
                .Select(c => new PortRange(c.Protocol, c.Port, c.Port));
            return PortSet.FromRanges(ranges);
        }

        if (port.Port is not { } number)
        {
            return PortSet.OfProtocol(port.Protocol);
        }

        return PortSet.Of(port.Protocol, number, port.EndPort ?? number);
    }

    /// <summary>The ports a rule allows toward the destination: every port when the rule lists none.</summary>
    public static PortSet PortsOf(PolicyRule rule, Endpoint destination)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.AllPorts)
        {
            return PortSet.All;
        }

        var set = PortSet.Empty;
        foreach (var port in rule.Ports)
        {
            set = set.Union(PortsOf(port, destination));
        }

        return set;
    }

    /// <summary>True when the rule's from/to admits the endpoint: no peers listed means every peer.</summary>
    public static bool RuleAdmits(NetworkPolicy policy, PolicyRule rule, Endpoint other, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.AllPeers || rule.Peers.Any(peer => PeerMatches(policy, peer, other, cluster));
    }
}
