using System.Net;
using System.Text;
using Netpol.Core.Model;
using Netpol.Core.Selectors;

namespace Netpol.Core.Engine;

public sealed partial class FastEngine
{
    private readonly Dictionary<(int Ns, VectorKey Local, int Global), int> _localClassIds = [];
    private readonly List<List<int>> _localClassesByNamespace = [];
    private int _ruleCount;

    private void Compile(NetworkPolicy policy)
    {
        var ns = _nsIndex[policy.Namespace];
        var local = _localRequirements[ns];
        var compiled = new CompiledPolicy(
            _policies.Count,
            policy,
            ns,
            local.Compile(policy.PodSelector),
            policy.Ingress.Select(r => CompileRule(r, local)).ToArray(),
            policy.Egress.Select(r => CompileRule(r, local)).ToArray());
        _policies.Add(compiled);
        _policiesByNamespace[ns].Add(compiled);
    }

    private CompiledRule CompileRule(PolicyRule rule, RequirementIndex local)
    {
        var peers = new CompiledPeer[rule.Peers.Count];
        var key = new StringBuilder();
        if (rule.AllPeers)
        {
            key.Append('*');
        }

        for (var i = 0; i < peers.Length; i++)
        {
            var peer = rule.Peers[i];
            if (peer.IPBlock is { } block)
            {
                var id = BlockId(block);
                peers[i] = new CompiledPeer(PeerKind.Block, [], [], id);
                key.Append("B:").Append(block).Append(';');
            }
            else if (peer.NamespaceSelector is null)
            {
                peers[i] = new CompiledPeer(PeerKind.Local, local.Compile(peer.PodSelector ?? LabelSelector.Everything), [], -1);
            }
            else
            {
                var podSelector = peer.PodSelector ?? LabelSelector.Everything;
                peers[i] = new CompiledPeer(PeerKind.Cross, _globalRequirements.Compile(podSelector), _nsRequirements.Compile(peer.NamespaceSelector), -1);
                key.Append("C:").Append(peer.NamespaceSelector).Append('|').Append(podSelector).Append(';');
            }
        }

        foreach (var port in rule.Ports)
        {
            if (port.Name is { } name)
            {
                _portNames.Add((name, port.Protocol));
            }
        }

        var crossKey = -1;
        if (key.Length > 0)
        {
            key.Append("P:").AppendJoin(',', rule.Ports.Select(p => p.ToString()));
            crossKey = _ruleCrossKeys.Id(key.ToString());
        }

        return new CompiledRule(_ruleCount++, rule, rule.AllPeers, peers, crossKey);
    }

    private int Classify(Pod pod)
    {
        var ns = _nsIndex[pod.Namespace];
        var nsClass = _nsClassOfNamespace[ns];
        var signature = PortSignature(pod);
        var blocks = new List<int>();
        for (var b = 0; b < _blocks.Count; b++)
        {
            foreach (var ip in pod.IPs)
            {
                if (_blocks[b].Matches(ip))
                {
                    blocks.Add(b);
                    break;
                }
            }
        }

        var global = _globalClasses.Id(new GlobalClass(
            nsClass,
            new VectorKey(_globalRequirements.Vector(pod.Labels)),
            new VectorKey([.. blocks]),
            NodePeersOf(pod.IPs),
            signature,
            pod.HostNetwork,
            false));
        var localVector = new VectorKey(_localRequirements[ns].Vector(pod.Labels));
        if (!_localClassIds.TryGetValue((ns, localVector, global), out var id))
        {
            id = _localClasses.Count;
            _localClasses.Add(new LocalClass
            {
                Namespace = ns,
                Global = global,
                LocalVector = localVector.Items,
                EgressProfile = pod.HostNetwork ? NotIsolated : ProfileOf(Direction.Egress, ns, localVector.Items, -1),
                IngressProfile = pod.HostNetwork ? NotIsolated : ProfileOf(Direction.Ingress, ns, localVector.Items, signature),
            });
            _localClassIds[(ns, localVector, global)] = id;
            while (_localClassesByNamespace.Count <= ns)
            {
                _localClassesByNamespace.Add([]);
            }

            _localClassesByNamespace[ns].Add(id);
        }

        _localClasses[id].Count++;
        _localClassOfPod[pod] = id;
        return id;
    }

    private int PortSignature(Pod pod)
    {
        var relevant = pod.Ports.Where(p => p.Name is not null && _portNames.Contains((p.Name, p.Protocol)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Protocol).ThenBy(p => p.Port).ToArray();
        var key = string.Join(',', relevant.Select(p => $"{p.Name}/{p.Protocol}={p.Port}"));
        var id = _portSignatures.Id(key);
        return id == _portSignatureValues.Count ? AddSignature(id, relevant) : id;
    }

    private int AddSignature(int id, ContainerPort[] ports)
    {
        _portSignatureValues.Add(ports);
        return id;
    }

    private int ProfileOf(Direction direction, int ns, int[] localVector, int signature)
    {
        var local = _localRequirements[ns];
        List<int>? ids = null;
        foreach (var p in _policiesByNamespace[ns])
        {
            if (p.Policy.Affects(direction) && local.Matches(p.Selector, localVector))
            {
                (ids ??= []).Add(p.Index);
            }
        }

        if (ids is null)
        {
            return NotIsolated;
        }

        var key = new int[ids.Count + 2];
        key[0] = (int)direction;
        key[1] = direction == Direction.Ingress ? signature : -1;
        ids.CopyTo(key, 2);
        var vk = new VectorKey(key);
        var id = _profiles.Id(vk);
        if (id == _profileValues.Count)
        {
            var policies = ids.Select(i => _policies[i]).ToArray();
            var sig = direction == Direction.Ingress ? signature : -1;
            _profileValues.Add(new Profile(direction, ns, policies, sig, CrossProfileOf(direction, policies, sig)));
        }

        return id;
    }

    private int CrossProfileOf(Direction direction, CompiledPolicy[] policies, int signature)
    {
        var rules = new SortedDictionary<int, CompiledRule>();
        foreach (var p in policies)
        {
            foreach (var r in direction == Direction.Ingress ? p.Ingress : p.Egress)
            {
                if (r.CrossKey >= 0)
                {
                    rules.TryAdd(r.CrossKey, r);
                }
            }
        }

        var key = new int[rules.Count + 2];
        key[0] = (int)direction;
        key[1] = signature;
        rules.Keys.CopyTo(key, 2);
        var id = _crossProfiles.Id(new VectorKey(key));
        if (id == _crossProfileValues.Count)
        {
            _crossProfileValues.Add(new CrossProfile(direction, [.. rules.Values], signature));
        }

        return id;
    }

    private int ExternalClass(IPAddress address)
    {
        var blocks = new List<int>();
        for (var b = 0; b < _blocks.Count; b++)
        {
            if (_blocks[b].Matches(address))
            {
                blocks.Add(b);
            }
        }

        return _globalClasses.Id(new GlobalClass(-1, new VectorKey([]), new VectorKey([.. blocks]), NodePeersOf([address]), -1, false, true));
    }

    private int RulePorts(CompiledRule rule, int signature)
    {
        if (rule.Rule.AllPorts)
        {
            return _ports.All;
        }

        if (_rulePorts.TryGetValue((rule.Id, signature), out var id))
        {
            return id;
        }

        var set = PortSet.Empty;
        foreach (var port in rule.Rule.Ports)
        {
            if (port.Name is { } name)
            {
                if (signature < 0)
                {
                    continue; // an external destination never matches a named port
                }

                foreach (var c in _portSignatureValues[signature])
                {
                    if (c.Name == name && c.Protocol == port.Protocol)
                    {
                        set = set.Union(PortSet.Of(c.Protocol, c.Port, c.Port));
                    }
                }
            }
            else if (port.Port is { } number)
            {
                set = set.Union(PortSet.Of(port.Protocol, number, port.EndPort ?? number));
            }
            else
            {
                set = set.Union(PortSet.OfProtocol(port.Protocol));
            }
        }

        id = _ports.Id(set);
        _rulePorts[(rule.Id, signature)] = id;
        return id;
    }

    private bool CrossPeerMatches(CompiledPeer peer, GlobalClass g)
    {
        switch (peer.Kind)
        {
            case PeerKind.Block:
                return Array.BinarySearch(g.Blocks.Items, peer.Block) >= 0;
            case PeerKind.Cross:
                return !g.HostNetwork && !g.External
                    && _nsRequirements.Matches(peer.Namespaces, _nsClasses[g.NsClass].Items)
                    && _globalRequirements.Matches(peer.Pods, g.Vector);
            default:
                return false;
        }
    }

    /// <summary>What the cross-namespace rules of a profile allow toward (egress) or from (ingress) a class.</summary>
    private int CrossPorts(int crossProfile, int global)
    {
        if (_crossPorts.TryGetValue((crossProfile, global), out var id))
        {
            return id;
        }

        var cp = _crossProfileValues[crossProfile];
        var g = _globalClasses[global];
        var signature = cp.Direction == Direction.Egress ? g.PortSignature : cp.Signature;
        id = _ports.Empty;
        foreach (var rule in cp.Rules)
        {
            var matched = rule.AllPeers;
            foreach (var peer in rule.Peers)
            {
                if (matched)
                {
                    break;
                }

                matched = CrossPeerMatches(peer, g);
            }

            if (matched)
            {
                id = _ports.Union(id, RulePorts(rule, signature));
            }
        }

        _crossPorts[(crossProfile, global)] = id;
        return id;
    }

    /// <summary>What the podSelector-only peers of a profile allow toward or from a class of the same namespace.</summary>
    private int LocalPorts(int profile, int localClass)
    {
        if (_localPorts.TryGetValue((profile, localClass), out var id))
        {
            return id;
        }

        var p = _profileValues[profile];
        var lc = _localClasses[localClass];
        var g = _globalClasses[lc.Global];
        var local = _localRequirements[p.Namespace];
        var signature = p.Direction == Direction.Egress ? g.PortSignature : p.Signature;
        id = _ports.Empty;
        if (!g.HostNetwork)
        {
            foreach (var policy in p.Policies)
            {
                foreach (var rule in p.Direction == Direction.Ingress ? policy.Ingress : policy.Egress)
                {
                    foreach (var peer in rule.Peers)
                    {
                        if (peer.Kind == PeerKind.Local && local.Matches(peer.Pods, lc.LocalVector))
                        {
                            id = _ports.Union(id, RulePorts(rule, signature));
                            break;
                        }
                    }
                }
            }
        }

        _localPorts[(profile, localClass)] = id;
        return id;
    }
}
