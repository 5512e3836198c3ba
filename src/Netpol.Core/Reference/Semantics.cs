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

    /// <summary>
    /// True when a cluster network policy applies to the pod: the pod's namespace matches the subject's namespace
    /// selector and, for a <c>pods</c> subject, the pod matches its pod selector. hostNetwork pods are never subjects.
    /// </summary>
    public static bool Selects(ClusterNetworkPolicy policy, Pod pod, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(cluster);
        return !pod.HostNetwork
            && policy.Subject.NamespaceSelector.Matches(cluster.NamespaceOf(pod).Labels)
            && (policy.Subject.PodSelector is null || policy.Subject.PodSelector.Matches(pod.Labels));
    }

    /// <summary>
    /// True when a cluster network policy peer matches the endpoint at the other end. Cases:
    /// <c>namespaces</c>/<c>pods</c>: pods (never hostNetwork ones) whose namespace, and pod labels for <c>pods</c>, match;
    /// <c>networks</c>: any address of the endpoint (pod IPs, hostNetwork pods' node address, external) in a CIDR;
    /// <c>nodes</c>: an address of the endpoint equals an address of a matching node;
    /// <c>domainNames</c>: never (it depends on DNS at run time; see <see cref="TierOutcome.DependsOnDns"/>).
    /// </summary>
    public static bool PeerMatches(ClusterPolicyPeer peer, Endpoint other, Cluster cluster)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(cluster);
        if (peer.Networks is { } networks)
        {
            return other.Addresses.Any(a => networks.Any(n => n.Contains(a)));
        }

        if (peer.Nodes is { } nodes)
        {
            return cluster.Nodes.Any(n => nodes.Matches(n.Labels) && n.Addresses.Any(a => other.Addresses.Contains(a)));
        }

        if (peer.NamespaceSelector is not { } namespaces || other.Pod is not { HostNetwork: false } pod)
        {
            return false;
        }

        return namespaces.Matches(cluster.NamespaceOf(pod).Labels)
            && (peer.PodSelector is null || peer.PodSelector.Matches(pod.Labels));
    }

    /// <summary>
    /// The ports one <c>protocols</c> entry matches toward the destination. A named port matches the destination
    /// pod's container ports of that name whatever their protocol; an external destination has no named ports.
    /// </summary>
    public static PortSet PortsOf(ClusterPolicyPort port, Endpoint destination)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(destination);
        if (port.NamedPort is { } name)
        {
            return destination.Pod is { } pod
                ? PortSet.FromRanges(pod.Ports.Where(c => c.Name == name).Select(c => new PortRange(c.Protocol, c.Port, c.Port)))
                : PortSet.Empty;
        }

        var protocol = port.Protocol ?? Protocol.TCP;
        return port.Port is { } start ? PortSet.Of(protocol, start, port.EndPort ?? start) : PortSet.OfProtocol(protocol);
    }

    /// <summary>The ports a cluster network policy rule matches toward the destination: every port when it lists none.</summary>
    public static PortSet PortsOf(ClusterPolicyRule rule, Endpoint destination)
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

    /// <summary>
    /// Evaluates one tier for one direction: the tier's policies that select the subject, lower priority first,
    /// rules in written order. For each port still undecided, the first rule that matches it decides: Accept and
    /// Deny end its evaluation; Pass sends it to the next tier, skipping the tier's remaining rules.
    /// </summary>
    /// <param name="cluster">The cluster (its cluster policies are already in evaluation order).</param>
    /// <param name="tier">The tier to evaluate.</param>
    /// <param name="direction">Egress: the subject is the source; ingress: the subject is the destination.</param>
    /// <param name="subject">The pod the policies select.</param>
    /// <param name="other">The other end of the connection, matched against the rules' peers.</param>
    /// <param name="undecided">The ports earlier tiers left undecided.</param>
    public static TierOutcome EvaluateTier(Cluster cluster, ClusterPolicyTier tier, Direction direction, Pod subject, Endpoint other, PortSet undecided)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return EvaluateTier(cluster, cluster.ClusterPolicies, tier, direction, subject, other, undecided);
    }

    /// <summary>
    /// <see cref="EvaluateTier(Cluster, ClusterPolicyTier, Direction, Pod, Endpoint, PortSet)"/> with the policies taken in
    /// the given order instead of the cluster's: the API leaves the order of equal priorities undefined, so
    /// <c>check</c> uses this to show what the other order decides.
    /// </summary>
    /// <param name="cluster">The cluster (namespaces and nodes the selectors and peers look up).</param>
    /// <param name="order">Every cluster policy, in the order to apply them.</param>
    /// <param name="tier">The tier to evaluate.</param>
    /// <param name="direction">Egress: the subject is the source; ingress: the subject is the destination.</param>
    /// <param name="subject">The pod the policies select.</param>
    /// <param name="other">The other end of the connection, matched against the rules' peers.</param>
    /// <param name="undecided">The ports earlier tiers left undecided.</param>
    public static TierOutcome EvaluateTier(Cluster cluster, IEnumerable<ClusterNetworkPolicy> order, ClusterPolicyTier tier, Direction direction, Pod subject, Endpoint other, PortSet undecided)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(undecided);
        var destination = direction == Direction.Egress ? other : Endpoint.ForPod(subject);
        var accepted = PortSet.Empty;
        var passed = PortSet.Empty;
        var dns = PortSet.Empty;
        foreach (var policy in order)
        {
            if (undecided.IsEmpty)
            {
                break;
            }

            if (policy.Tier != tier || policy.Rules(direction).Count == 0 || !Selects(policy, subject, cluster))
            {
                continue;
            }

            foreach (var rule in policy.Rules(direction))
            {
                var ports = PortsOf(rule, destination).Intersect(undecided);
                if (ports.IsEmpty)
                {
                    continue;
                }

                if (!rule.Peers.Any(peer => PeerMatches(peer, other, cluster)))
                {
                    if (rule.Peers.Any(peer => peer.IsDomainNames))
                    {
                        dns = dns.Union(ports);
                    }

                    continue;
                }

                switch (rule.Action)
                {
                    case ClusterRuleAction.Accept:
                        accepted = accepted.Union(ports);
                        break;
                    case ClusterRuleAction.Pass:
                        passed = passed.Union(ports);
                        break;
                }

                undecided = undecided.Except(ports);
            }
        }

        return new TierOutcome(accepted, undecided.Union(passed), dns);
    }
}
