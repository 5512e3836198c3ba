using System.Net;
using System.Text;
using Netpol.Core.Model;

namespace Netpol.Analysis.Audit;

/// <summary>
/// Maps endpoints to one representative per class of endpoints that every policy treats alike, so that a log with
/// thousands of pods and addresses is evaluated once per class. Policies see of a pod only its namespace, labels,
/// hostNetwork, named container ports and which address peers its IPs fall in; of an external address only which
/// address peers contain it. Address peers are NetworkPolicy ipBlocks, the CIDRs of cluster network policy
/// <c>networks</c> peers, and the node addresses each <c>nodes</c> peer selects. Endpoints equal in all of these get
/// the same verdict from every rule of every tier.
/// </summary>
internal sealed class EquivalentEndpoints
{
    private readonly IPBlock[] _blocks;
    private readonly HashSet<IPAddress>[] _nodePeers;
    private readonly Dictionary<string, Endpoint> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<Endpoint, Endpoint> _representatives = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Endpoint, string> _keys = new(ReferenceEqualityComparer.Instance);

    public EquivalentEndpoints(Cluster cluster)
    {
        var blocks = new Dictionary<string, IPBlock>(StringComparer.Ordinal);
        foreach (var policy in cluster.Policies)
        {
            foreach (var rule in policy.Ingress.Concat(policy.Egress))
            {
                foreach (var peer in rule.Peers)
                {
                    if (peer.IPBlock is { } b)
                    {
                        blocks.TryAdd(b.ToString(), b);
                    }
                }
            }
        }

        // Cluster network policies: networks peers are CIDRs as ipBlocks are; a nodes peer is the set of addresses of
        // the nodes it selects (a hostNetwork pod's or an external address may be one of them).
        var nodePeers = new Dictionary<string, HashSet<IPAddress>>(StringComparer.Ordinal);
        foreach (var policy in cluster.ClusterPolicies)
        {
            foreach (var peer in policy.Ingress.Concat(policy.Egress).SelectMany(r => r.Peers))
            {
                foreach (var network in peer.Networks ?? [])
                {
                    var block = new IPBlock(network, []);
                    blocks.TryAdd(block.ToString(), block);
                }

                if (peer.Nodes is { } nodes)
                {
                    nodePeers.TryAdd(nodes.ToString(), [.. cluster.Nodes.Where(n => nodes.Matches(n.Labels)).SelectMany(n => n.Addresses)]);
                }
            }
        }

        _blocks = [.. blocks.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value)];
        _nodePeers = [.. nodePeers.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value)];
    }

    /// <summary>The representative of the endpoint's class (the first endpoint of that class seen).</summary>
    public Endpoint Of(Endpoint endpoint)
    {
        if (_representatives.TryGetValue(endpoint, out var known))
        {
            return known;
        }

        var key = KeyOf(endpoint);
        if (!_byKey.TryGetValue(key, out var representative))
        {
            representative = endpoint;
            _byKey[key] = endpoint;
        }

        _representatives[endpoint] = representative;
        return representative;
    }

    /// <summary>The class of an endpoint, as text (for an external address: the ipBlocks that contain it).</summary>
    public string KeyOf(Endpoint endpoint)
    {
        if (_keys.TryGetValue(endpoint, out var key))
        {
            return key;
        }

        var s = new StringBuilder();
        if (endpoint.Pod is not { } pod)
        {
            s.Append("external|");
            Blocks(s, endpoint.Addresses);
        }
        else
        {
            s.Append("pod|").Append(pod.Namespace).Append('|').Append(pod.HostNetwork ? "host|" : "|");
            foreach (var (k, v) in pod.Labels.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                s.Append(k).Append('=').Append(v).Append(',');
            }

            s.Append('|');
            foreach (var p in pod.Ports.Where(p => p.Name is not null).OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Protocol).ThenBy(p => p.Port))
            {
                s.Append(p.Name).Append('/').Append(p.Protocol).Append('=').Append(p.Port).Append(',');
            }

            s.Append('|');
            Blocks(s, pod.IPs);
        }

        key = s.ToString();
        _keys[endpoint] = key;
        return key;
    }

    private void Blocks(StringBuilder s, IReadOnlyList<IPAddress> addresses)
    {
        for (var i = 0; i < _blocks.Length; i++)
        {
            if (addresses.Any(_blocks[i].Matches))
            {
                s.Append(i).Append(',');
            }
        }

        if (_nodePeers.Length == 0)
        {
            return;
        }

        s.Append("|nodes:");
        for (var i = 0; i < _nodePeers.Length; i++)
        {
            if (addresses.Any(_nodePeers[i].Contains))
            {
                s.Append(i).Append(',');
            }
        }
    }
}
