using System.Net;
using System.Net.Sockets;
using Netpol.Core.Model;

namespace Netpol.Lab.Compile;

/// <summary>
/// The addresses the compiled rules and the lab use for each pod. A pod keeps its <c>status.podIPs</c>; a pod
/// without one (a workload's template, a pending pod) gets a placeholder from the lab ranges: one per address family
/// in use (the families of the pods' and the externals' addresses; IPv4 when there are none).
/// Placeholders stand for "this pod, whatever its address will be": selector peers match them like any pod address,
/// but ipBlock peers never do, because NetworkPolicy cannot match a pod by an address it does not have.
/// </summary>
public sealed class AddressPlan
{
    /// <summary>Where IPv4 placeholders come from: 198.18.0.0/15, the range reserved for benchmark networks.</summary>
    public static readonly IPNetwork PlaceholderRange4 = IPNetwork.Parse("198.18.0.0/15");

    /// <summary>Where IPv6 placeholders come from: a unique-local /64 of the lab.</summary>
    public static readonly IPNetwork PlaceholderRange6 = IPNetwork.Parse("fd6e:7470:6c61:6200::/64");

    private readonly Dictionary<Pod, IReadOnlyList<IPAddress>> _addresses = new(ReferenceEqualityComparer.Instance);
    private readonly List<IPAddress> _placeholders = [];

    /// <summary>Plans addresses for every pod of the cluster, avoiding addresses that pods, externals or nodes already use.</summary>
    public AddressPlan(Cluster cluster, IEnumerable<IPAddress>? externals = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var used = new HashSet<IPAddress>(cluster.Pods.SelectMany(p => p.IPs));
        used.UnionWith(externals ?? []);
        var v6 = used.Any(a => a.AddressFamily == AddressFamily.InterNetworkV6);
        var v4 = !v6 || used.Any(a => a.AddressFamily == AddressFamily.InterNetwork);

        // A placeholder must not pass for a node, whose address a cluster network policy's nodes peer matches.
        used.UnionWith(cluster.Nodes.SelectMany(n => n.Addresses));
        var next4 = Next(PlaceholderRange4, used);
        var next6 = Next(PlaceholderRange6, used);
        foreach (var pod in cluster.Pods)
        {
            if (pod.IPs.Count > 0)
            {
                _addresses[pod] = pod.IPs;
                continue;
            }

            var placeholders = new List<IPAddress>(2);
            if (v4 && next4.MoveNext())
            {
                placeholders.Add(next4.Current);
            }

            if (v6 && next6.MoveNext())
            {
                placeholders.Add(next6.Current);
            }

            _placeholders.AddRange(placeholders);
            _addresses[pod] = placeholders;
        }
    }

    /// <summary>Every placeholder handed out, in pod order (IPv4 before IPv6 for a pod that gets both).</summary>
    public IReadOnlyList<IPAddress> Placeholders => _placeholders;

    /// <summary>The addresses a pod has in the compiled rules and in the lab.</summary>
    public IReadOnlyList<IPAddress> AddressesOf(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return _addresses.TryGetValue(pod, out var list) ? list : pod.IPs;
    }

    /// <summary>The pod's addresses of one family.</summary>
    public IEnumerable<IPAddress> AddressesOf(Pod pod, AddressFamily family) =>
        AddressesOf(pod).Where(a => a.AddressFamily == family);

    private static IEnumerator<IPAddress> Next(IPNetwork range, HashSet<IPAddress> used)
    {
        var bytes = range.BaseAddress.GetAddressBytes();
        var host = 0L;
        while (true)
        {
            host++;
            var candidate = (byte[])bytes.Clone();
            var carry = host;
            for (var i = candidate.Length - 1; i >= 0 && carry > 0; i--)
            {
                var sum = candidate[i] + (carry & 0xff);
                candidate[i] = (byte)sum;
                carry = (carry >> 8) + (sum >> 8);
            }

            var address = new IPAddress(candidate);
            if (!range.Contains(address))
            {
                throw new InvalidOperationException($"the placeholder range {range} is exhausted");
            }

            // Skip the network's .0 and .255 look-alikes: some tools treat them as special even on /32 routes.
            var last = candidate[^1];
            if (last is 0 or 255 || used.Contains(address))
            {
                continue;
            }

            yield return address;
        }
    }
}
