using System.Net;
using Netpol.Core.Model;
using Netpol.Core.Selectors;

namespace Netpol.Core.Engine;

/// <summary>
/// Cluster network policies (Admin and Baseline tiers) over the same equivalence classes as NetworkPolicy. Their
/// subject selectors and peers are compiled into the class identity: namespace requirements into the namespace
/// classes, pod requirements into the cross-namespace requirements, <c>networks</c> CIDRs into the address blocks,
/// <c>nodes</c> peers into a per-class list of the node peers an address belongs to, and named ports into the port
/// signatures. What the tiers decide for one direction is then a function of the two ends' global classes alone,
/// memoised per pair of classes, so pair counts, graph and diff still work over groups of classes.
/// </summary>
public sealed partial class FastEngine
{
    private readonly List<CompiledClusterPolicy> _clusterPolicies = [];
    private readonly List<HashSet<IPAddress>> _nodePeerAddresses = [];
    private readonly Dictionary<(Direction Direction, int Subject, int Other), (int Accepted, int Undecided)> _adminMemo = [];
    private readonly Dictionary<(Direction Direction, int Subject, int Other), int> _openSideMemo = [];
    private readonly Dictionary<(int Rule, int Signature), int> _clusterRulePorts = [];
    private int _clusterRuleCount;

    private void Compile(ClusterNetworkPolicy policy)
    {
        var subjectPods = policy.Subject.PodSelector is { } pods ? _globalRequirements.Compile(pods) : null;
        _clusterPolicies.Add(new CompiledClusterPolicy(
            policy,
            _nsRequirements.Compile(policy.Subject.NamespaceSelector),
            subjectPods,
            [.. policy.Ingress.Select(CompileClusterRule)],
            [.. policy.Egress.Select(CompileClusterRule)]));
    }

    private CompiledClusterRule CompileClusterRule(ClusterPolicyRule rule)
    {
        var peers = new List<CompiledClusterPeer>();
        foreach (var peer in rule.Peers)
        {
            if (peer.Networks is { } networks)
            {
                peers.Add(new CompiledClusterPeer(null, null, [.. networks.Select(n => BlockId(new IPBlock(n, [])))], -1));
            }
            else if (peer.Nodes is { } nodes)
            {
                var addresses = _cluster.Nodes.Where(n => nodes.Matches(n.Labels)).SelectMany(n => n.Addresses).ToHashSet();
                _nodePeerAddresses.Add(addresses);
                peers.Add(new CompiledClusterPeer(null, null, [], _nodePeerAddresses.Count - 1));
            }
            else if (peer.NamespaceSelector is { } namespaces)
            {
                var podRequirements = peer.PodSelector is { } pods ? _globalRequirements.Compile(pods) : null;
                peers.Add(new CompiledClusterPeer(_nsRequirements.Compile(namespaces), podRequirements, [], -1));
            }

            // domainNames peers never match statically (see Semantics.PeerMatches): they compile to nothing.
        }

        foreach (var port in rule.Ports)
        {
            if (port.NamedPort is { } name)
            {
                // A named port of a cluster network policy matches container ports of that name in any protocol.
                foreach (var protocol in Enum.GetValues<Protocol>())
                {
                    _portNames.Add((name, protocol));
                }
            }
        }

        return new CompiledClusterRule(_clusterRuleCount++, rule, [.. peers]);
    }

    private int BlockId(IPBlock block)
    {
        var id = _blockKeys.Id(block.ToString());
        if (id == _blocks.Count)
        {
            _blocks.Add(block);
        }

        return id;
    }

    /// <summary>The sorted ids of the <c>nodes</c> peers whose node addresses include one of the addresses.</summary>
    private VectorKey NodePeersOf(IReadOnlyList<IPAddress> addresses)
    {
        if (_nodePeerAddresses.Count == 0)
        {
            return new VectorKey([]);
        }

        var ids = new List<int>();
        for (var i = 0; i < _nodePeerAddresses.Count; i++)
        {
            foreach (var address in addresses)
            {
                if (_nodePeerAddresses[i].Contains(address))
                {
                    ids.Add(i);
                    break;
                }
            }
        }

        return new VectorKey([.. ids]);
    }

    /// <summary>
    /// One side of a connection with the tiers (an interned port set): the Admin tier first; the ports it leaves
    /// undecided go to NetworkPolicy (<paramref name="networkPolicy"/>) when it isolates the subject, else to the
    /// Baseline tier and the default allow. External and hostNetwork subjects are never subjects of any tier.
    /// </summary>
    private int TieredSide(Direction direction, int subject, int other, bool isolated, int networkPolicy)
    {
        var s = _globalClasses[subject];
        if (s.External || s.HostNetwork)
        {
            return networkPolicy;
        }

        if (isolated)
        {
            var (accepted, undecided) = Admin(direction, subject, other);
            return _ports.Union(accepted, _ports.Intersect(undecided, networkPolicy));
        }

        return OpenSide(direction, subject, other);
    }

    private (int Accepted, int Undecided) Admin(Direction direction, int subject, int other)
    {
        if (!_adminMemo.TryGetValue((direction, subject, other), out var result))
        {
            var (accepted, undecided) = EvaluateTier(ClusterPolicyTier.Admin, direction, subject, other, PortSet.All);
            result = (_ports.Id(accepted), _ports.Id(undecided));
            _adminMemo[(direction, subject, other)] = result;
        }

        return result;
    }

    /// <summary>A side NetworkPolicy does not isolate: Admin, then Baseline, then the default allow.</summary>
    private int OpenSide(Direction direction, int subject, int other)
    {
        if (!_openSideMemo.TryGetValue((direction, subject, other), out var id))
        {
            var (adminAccepted, adminUndecided) = Admin(direction, subject, other);
            var (baselineAccepted, baselineUndecided) = EvaluateTier(ClusterPolicyTier.Baseline, direction, subject, other, _ports[adminUndecided]);
            id = _ports.Id(_ports[adminAccepted].Union(baselineAccepted).Union(baselineUndecided));
            _openSideMemo[(direction, subject, other)] = id;
        }

        return id;
    }

    /// <summary>
    /// the reference semantics (Semantics.EvaluateTier) over classes: the tier's policies that select the subject class
    /// in evaluation order, rules in written order, the first Accept or Deny deciding each port and Pass sending it on.
    /// </summary>
    private (PortSet Accepted, PortSet Undecided) EvaluateTier(ClusterPolicyTier tier, Direction direction, int subject, int other, PortSet undecided)
    {
        var s = _globalClasses[subject];
        var o = _globalClasses[other];
        var signature = direction == Direction.Egress ? o.PortSignature : s.PortSignature;
        var accepted = PortSet.Empty;
        var passed = PortSet.Empty;
        foreach (var policy in _clusterPolicies)
        {
            if (undecided.IsEmpty)
            {
                break;
            }

            var rules = direction == Direction.Ingress ? policy.Ingress : policy.Egress;
            if (policy.Policy.Tier != tier || rules.Length == 0 || !SubjectMatches(policy, s))
            {
                continue;
            }

            foreach (var rule in rules)
            {
                var ports = _ports[ClusterRulePorts(rule, signature)].Intersect(undecided);
                if (ports.IsEmpty || !rule.Peers.Any(peer => ClusterPeerMatches(peer, o)))
                {
                    continue;
                }

                switch (rule.Rule.Action)
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

        return (accepted, undecided.Union(passed));
    }

    private bool SubjectMatches(CompiledClusterPolicy policy, GlobalClass g) =>
        _nsRequirements.Matches(policy.SubjectNamespaces, _nsClasses[g.NsClass].Items)
        && (policy.SubjectPods is null || _globalRequirements.Matches(policy.SubjectPods, g.Vector));

    private bool ClusterPeerMatches(CompiledClusterPeer peer, GlobalClass g)
    {
        if (peer.Namespaces is { } namespaces)
        {
            return !g.HostNetwork && !g.External
                && _nsRequirements.Matches(namespaces, _nsClasses[g.NsClass].Items)
                && (peer.Pods is null || _globalRequirements.Matches(peer.Pods, g.Vector));
        }

        if (peer.NodePeer >= 0)
        {
            return Array.BinarySearch(g.NodePeers.Items, peer.NodePeer) >= 0;
        }

        foreach (var block in peer.Blocks)
        {
            if (Array.BinarySearch(g.Blocks.Items, block) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ports a cluster policy rule matches toward a destination with the given port signature.</summary>
    private int ClusterRulePorts(CompiledClusterRule rule, int signature)
    {
        if (rule.Rule.AllPorts)
        {
            return _ports.All;
        }

        if (_clusterRulePorts.TryGetValue((rule.Id, signature), out var id))
        {
            return id;
        }

        var set = PortSet.Empty;
        foreach (var port in rule.Rule.Ports)
        {
            if (port.NamedPort is { } name)
            {
                if (signature >= 0)
                {
                    foreach (var c in _portSignatureValues[signature])
                    {
                        if (c.Name == name)
                        {
                            set = set.Union(PortSet.Of(c.Protocol, c.Port, c.Port));
                        }
                    }
                }
            }
            else
            {
                var protocol = port.Protocol ?? Protocol.TCP;
                set = set.Union(port.Port is { } start ? PortSet.Of(protocol, start, port.EndPort ?? start) : PortSet.OfProtocol(protocol));
            }
        }

        id = _ports.Id(set);
        _clusterRulePorts[(rule.Id, signature)] = id;
        return id;
    }

    private sealed record CompiledClusterPolicy(ClusterNetworkPolicy Policy, int[] SubjectNamespaces, int[]? SubjectPods, CompiledClusterRule[] Ingress, CompiledClusterRule[] Egress);

    private sealed record CompiledClusterRule(int Id, ClusterPolicyRule Rule, CompiledClusterPeer[] Peers);

    /// <summary>One peer: a selector (<see cref="Namespaces"/>, and <see cref="Pods"/> for <c>pods</c>), CIDR blocks, or a nodes peer.</summary>
    private sealed record CompiledClusterPeer(int[]? Namespaces, int[]? Pods, int[] Blocks, int NodePeer);
}
