using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Netpol.Core;
using Netpol.Core.Engine;
using Netpol.Core.Model;
using Netpol.Lab.Compile;

namespace Netpol.Lab.Network;

/// <summary>
/// Everything the lab will create for a cluster, decided before anything is created: one namespace per pod (the
/// hostNetwork pods of one node address share one), one per external peer, their addresses and listeners, and
/// the compiled rules. The same input always gives the same plan, so <c>lab probe</c> and <c>lab down</c> find
/// what <c>lab up</c> made.
/// </summary>
public sealed class LabPlan
{
    /// <summary>The prefix of every namespace and interface the lab creates.</summary>
    public const string Prefix = "nplab";

    /// <summary>The namespace that plays the node: it routes between the hosts and enforces the rules.</summary>
    public const string NodeNetns = Prefix + "-node";

    /// <summary>The MAC address of every node-side interface: pods send everything to it, as with Calico.</summary>
    public const string GatewayMac = "ee:ee:ee:ee:ee:ee";

    private readonly Dictionary<Pod, LabHost> _byPod = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IPAddress, LabHost> _byExternal = [];

    private LabPlan(Cluster cluster, AddressPlan addresses, NftRuleset rules, List<LabHost> hosts)
    {
        Cluster = cluster;
        Addresses = addresses;
        Rules = rules;
        Hosts = hosts;
        foreach (var host in hosts)
        {
            foreach (var pod in host.Pods)
            {
                _byPod[pod] = host;
            }

            if (host.External is { } ip)
            {
                _byExternal[ip] = host;
            }
        }

        var text = new StringBuilder(rules.Text);
        foreach (var h in hosts)
        {
            text.Append(CultureInfo.InvariantCulture, $"{h.Netns} {h.Interface} {string.Join(",", h.Addresses)} {string.Join(",", h.Listen)}\n");
        }

        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>The cluster the plan was made for.</summary>
    public Cluster Cluster { get; }

    /// <summary>Pod addresses, placeholders included.</summary>
    public AddressPlan Addresses { get; }

    /// <summary>The rules the node enforces.</summary>
    public NftRuleset Rules { get; }

    /// <summary>The hosts, pods first (in cluster order), then external peers.</summary>
    public IReadOnlyList<LabHost> Hosts { get; }

    /// <summary>A short hash of the plan: <c>lab probe</c> refuses a lab that was set up from other input.</summary>
    public string Fingerprint { get; }

    /// <summary>The host an endpoint lives on.</summary>
    public LabHost HostOf(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Pod is { } pod ? _byPod[pod] : _byExternal[endpoint.Address!];
    }

    /// <summary>Plans the lab: listeners on every declared container port and on every probe.</summary>
    public static LabPlan Create(Cluster cluster, IReadOnlyList<IPAddress> externals, IReadOnlyList<Probe> probes)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(externals);
        ArgumentNullException.ThrowIfNull(probes);
        var addresses = new AddressPlan(cluster, externals);
        var rules = NftablesCompiler.Compile(cluster, addresses);
        var hosts = new List<LabHost>();
        var owner = new Dictionary<IPAddress, string>();
        void Claim(IReadOnlyList<IPAddress> list, string name)
        {
            foreach (var a in list)
            {
                if (!owner.TryAdd(a, name))
                {
                    throw new NetpolException($"{name} and {owner[a]} both have the address {a}: the lab needs every pod and external peer at its own address");
                }
            }
        }

        var index = 0;
        foreach (var pod in cluster.Pods.Where(p => !p.HostNetwork))
        {
            var list = addresses.AddressesOf(pod);
            Claim(list, pod.FullName);
            hosts.Add(Host($"p{index++}", pod.FullName, list, Listen(probes, [pod]), [pod], null));
        }

        // hostNetwork pods of one node share its address, so they share one namespace (and its listeners).
        index = 0;
        var hostNetwork = cluster.Pods.Where(p => p.HostNetwork)
            .GroupBy(p => string.Join(",", addresses.AddressesOf(p)), StringComparer.Ordinal);
        foreach (var group in hostNetwork)
        {
            var pods = group.ToList();
            var list = addresses.AddressesOf(pods[0]);
            Claim(list, pods[0].FullName);
            hosts.Add(Host($"h{index++}", string.Join(" ", pods.Select(p => p.FullName)), list, Listen(probes, pods), pods, null));
        }

        index = 0;
        foreach (var ip in externals.Distinct())
        {
            Claim([ip], $"external {ip}");
            hosts.Add(Host($"x{index++}", ip.ToString(), [ip], Listen(probes, []), [], ip));
        }

        return new LabPlan(cluster, addresses, rules, hosts);
    }

    private static LabHost Host(string id, string name, IReadOnlyList<IPAddress> addresses, IReadOnlyList<Probe> listen, IReadOnlyList<Pod> pods, IPAddress? external)
    {
        var n = int.Parse(id[1..], CultureInfo.InvariantCulture);
        var kind = id[0] switch { 'p' => 1, 'h' => 2, _ => 3 };
        var mac = $"02:6e:{kind:x2}:{(n >> 16) & 0xff:x2}:{(n >> 8) & 0xff:x2}:{n & 0xff:x2}";
        return new LabHost(name, $"{Prefix}-{id}", $"{Prefix}{id}", mac, addresses, listen, pods, external);
    }

    private static List<Probe> Listen(IReadOnlyList<Probe> probes, IReadOnlyList<Pod> pods) =>
        probes.Concat(pods.SelectMany(p => p.Ports).Select(c => new Probe(c.Port, c.Protocol)))
            .Distinct()
            .OrderBy(p => p.Protocol)
            .ThenBy(p => p.Port)
            .ToList();
}
