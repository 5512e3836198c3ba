using System.Net;
using Netpol.Core.Model;

namespace Netpol.Core.Tests.Properties;

/// <summary>
/// Seeded random clusters small enough to compare pair by pair, drawn from a small vocabulary so that selectors
/// often match, miss, overlap and collide: every peer kind, operator, port form and IP family appears.
/// </summary>
internal static class RandomClusters
{
    private static readonly string[] Keys = ["app", "tier", "team", "env"];
    private static readonly string[] Values = ["a", "b", "c"];
    private static readonly string[] PortNames = ["http", "dns", "metrics"];
    private static readonly int[] Numbers = [53, 80, 81, 443, 8080, 9090];
    private static readonly string[] Cidrs = ["10.0.0.0/8", "10.1.0.0/16", "192.168.0.0/16", "0.0.0.0/0", "203.0.113.0/24", "fd00::/8"];
    private static readonly string[] Excepts = ["10.1.2.0/24", "10.1.0.0/24", "192.168.1.0/24", "10.0.0.0/8", "203.0.113.128/25", "fd00:1::/32"];

    public static readonly IPAddress[] Externals =
        [IPAddress.Parse("203.0.113.7"), IPAddress.Parse("203.0.113.200"), IPAddress.Parse("8.8.8.8"), IPAddress.Parse("10.1.2.3"), IPAddress.Parse("fd00:1::5")];

    private static readonly string[] Domains = ["example.com", "*.example.com"];

    /// <summary>
    /// A random cluster. With <paramref name="clusterPolicies"/>, three seeds in four also get Admin and Baseline
    /// cluster network policies (every action, peer and port form) and nodes; the rest of the cluster is the same as
    /// without it, since those are drawn last.
    /// </summary>
    public static Cluster Generate(int seed, bool clusterPolicies = false)
    {
        var r = new Random(seed);
        var nsCount = r.Next(1, 4);
        var namespaces = Enumerable.Range(0, nsCount).Select(i => new Namespace($"ns{i}", Labels(r, 2))).ToList();
        var pods = new List<Pod>();
        var podCount = r.Next(1, 9);
        for (var i = 0; i < podCount; i++)
        {
            var ns = namespaces[r.Next(nsCount)].Name;
            var ips = new List<IPAddress>();
            var dice = r.Next(10);
            if (dice < 6)
            {
                ips.Add(IPAddress.Parse($"10.{r.Next(0, 3)}.{r.Next(0, 3)}.{i + 1}"));
            }
            else if (dice < 7)
            {
                ips.Add(IPAddress.Parse($"192.168.{r.Next(0, 2)}.{i + 1}"));
            }
            else if (dice < 8)
            {
                ips.Add(IPAddress.Parse($"fd00:{r.Next(0, 2)}::{i + 1}"));
            }

            var ports = new List<ContainerPort>();
            for (var p = r.Next(0, 3); p > 0; p--)
            {
                ports.Add(new ContainerPort(r.Next(2) == 0 ? PortNames[r.Next(PortNames.Length)] : null, Numbers[r.Next(Numbers.Length)], RandomProtocol(r)));
            }

            pods.Add(new Pod(ns, $"p{i}", Labels(r, 3), ips, ports, HostNetwork: r.Next(12) == 0));
        }

        var policies = new List<NetworkPolicy>();
        for (var i = r.Next(0, 6); i > 0; i--)
        {
            policies.Add(Policy(r, namespaces[r.Next(nsCount)].Name, $"np{i}"));
        }

        if (!clusterPolicies || r.Next(4) == 0)
        {
            return new Cluster(namespaces, pods, policies);
        }

        var nodes = new List<ClusterNode>();
        var nodeAddresses = pods.Where(p => p.HostNetwork).SelectMany(p => p.IPs).Concat([IPAddress.Parse("10.0.0.1"), Externals[0]]).ToList();
        for (var i = r.Next(0, 3); i > 0; i--)
        {
            nodes.Add(new ClusterNode($"node{i}", Labels(r, 2), [nodeAddresses[r.Next(nodeAddresses.Count)]]));
        }

        var tiered = new List<ClusterNetworkPolicy>();
        for (var i = r.Next(1, 5); i > 0; i--)
        {
            tiered.Add(ClusterPolicy(r, $"cnp{i}"));
        }

        return new Cluster(namespaces, pods, policies, null, tiered, nodes);
    }

    private static ClusterNetworkPolicy ClusterPolicy(Random r, string name)
    {
        var tier = r.Next(2) == 0 ? ClusterPolicyTier.Admin : ClusterPolicyTier.Baseline;
        var subject = r.Next(2) == 0 ? new ClusterPolicySubject(Selector(r)) : new ClusterPolicySubject(Selector(r), Selector(r));
        var ingress = Enumerable.Range(0, r.Next(0, 4)).Select(_ => ClusterRule(r, tier, Direction.Ingress)).ToList();
        var egress = Enumerable.Range(0, r.Next(0, 4)).Select(_ => ClusterRule(r, tier, Direction.Egress)).ToList();
        return new ClusterNetworkPolicy(name, tier, r.Next(0, 4), subject, ingress, egress);
    }

    private static ClusterPolicyRule ClusterRule(Random r, ClusterPolicyTier tier, Direction direction)
    {
        // Pass is refused in the Baseline tier at load.
        var action = (ClusterRuleAction)r.Next(tier == ClusterPolicyTier.Admin ? 3 : 2);
        var peers = new List<ClusterPolicyPeer>();
        for (var i = r.Next(1, 3); i > 0; i--)
        {
            peers.Add(r.Next(direction == Direction.Ingress ? 2 : 5) switch
            {
                0 => new ClusterPolicyPeer(NamespaceSelector: Selector(r)),
                1 => new ClusterPolicyPeer(NamespaceSelector: Selector(r), PodSelector: Selector(r)),
                2 => new ClusterPolicyPeer(Networks: [Block(r).Cidr]),
                3 => new ClusterPolicyPeer(Nodes: Selector(r)),
                _ => new ClusterPolicyPeer(DomainNames: [Domains[r.Next(Domains.Length)]]),
            });
        }

        // Named ports cannot be combined with networks, nodes or domainNames peers.
        var named = peers.All(p => p.IsSelector);
        var ports = new List<ClusterPolicyPort>();
        for (var i = r.Next(0, 3); i > 0; i--)
        {
            var protocol = RandomProtocol(r);
            var start = Numbers[r.Next(Numbers.Length)];
            ports.Add(r.Next(named ? 4 : 3) switch
            {
                0 => new ClusterPolicyPort(protocol, start),
                1 => new ClusterPolicyPort(protocol, start, start + r.Next(1, 100)),
                2 => new ClusterPolicyPort(protocol),
                _ => new ClusterPolicyPort(null, NamedPort: PortNames[r.Next(PortNames.Length)]),
            });
        }

        return new ClusterPolicyRule(null, action, peers, ports);
    }

    private static Protocol RandomProtocol(Random r) => r.Next(6) switch
    {
        0 => Protocol.UDP,
        1 => Protocol.SCTP,
        _ => Protocol.TCP,
    };

    private static Dictionary<string, string> Labels(Random r, int max)
    {
        var labels = new Dictionary<string, string>();
        for (var i = r.Next(0, max + 1); i > 0; i--)
        {
            labels[Keys[r.Next(Keys.Length)]] = Values[r.Next(Values.Length)];
        }

        return labels;
    }

    private static LabelSelector Selector(Random r)
    {
        var reqs = new List<LabelRequirement>();
        for (var i = r.Next(0, 3); i > 0; i--)
        {
            var key = Keys[r.Next(Keys.Length)];
            var op = (SelectorOperator)r.Next(4);
            IReadOnlyList<string> values = op is SelectorOperator.In or SelectorOperator.NotIn
                ? Values.Where(_ => r.Next(2) == 0).DefaultIfEmpty(Values[0]).ToList()
                : [];
            reqs.Add(new LabelRequirement(key, op, values));
        }

        return new LabelSelector(reqs);
    }

    private static NetworkPolicy Policy(Random r, string ns, string name)
    {
        var ingress = Enumerable.Range(0, r.Next(0, 3)).Select(_ => Rule(r)).ToList();
        var egress = Enumerable.Range(0, r.Next(0, 3)).Select(_ => Rule(r)).ToList();
        var types = r.Next(4);
        var affectsIngress = types != 1;
        var affectsEgress = types switch
        {
            0 => egress.Count > 0, // policyTypes absent: Egress only with egress rules
            _ => types != 2,
        };
        return new NetworkPolicy(ns, name, Selector(r), affectsIngress, affectsEgress, affectsIngress ? ingress : [], affectsEgress ? egress : []);
    }

    private static PolicyRule Rule(Random r)
    {
        var peers = new List<PolicyPeer>();
        for (var i = r.Next(0, 3); i > 0; i--)
        {
            peers.Add(r.Next(4) switch
            {
                0 => new PolicyPeer(Selector(r), null, null),
                1 => new PolicyPeer(null, Selector(r), null),
                2 => new PolicyPeer(Selector(r), Selector(r), null),
                _ => new PolicyPeer(null, null, Block(r)),
            });
        }

        var ports = new List<PolicyPort>();
        for (var i = r.Next(0, 3); i > 0; i--)
        {
            var protocol = RandomProtocol(r);
            ports.Add(r.Next(4) switch
            {
                0 => new PolicyPort(protocol, null, PortNames[r.Next(PortNames.Length)]),
                1 => new PolicyPort(protocol),
                2 => Range(r, protocol),
                _ => new PolicyPort(protocol, Numbers[r.Next(Numbers.Length)]),
            });
        }

        return new PolicyRule(peers, ports);
    }

    private static PolicyPort Range(Random r, Protocol protocol)
    {
        var start = Numbers[r.Next(Numbers.Length)];
        return new PolicyPort(protocol, start, null, start + r.Next(0, 100));
    }

    private static IPBlock Block(Random r)
    {
        var cidr = IPNetwork.Parse(Cidrs[r.Next(Cidrs.Length)]);
        var excepts = Excepts.Select(IPNetwork.Parse)
            .Where(e => e.BaseAddress.AddressFamily == cidr.BaseAddress.AddressFamily && cidr.Contains(e.BaseAddress) && e.PrefixLength > cidr.PrefixLength && r.Next(2) == 0)
            .ToList();
        return new IPBlock(cidr, excepts);
    }
}
