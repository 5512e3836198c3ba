using System.Net.Sockets;
using System.Text;
using Netpol.Core;

namespace Netpol.Lab.Network;

/// <summary>
/// Creates and removes the lab's network namespaces. The node namespace holds one veth per host, routes each host
/// address to its veth and enforces the compiled rules on the forward hook; every host has a /32 (or /128) address
/// and a default route to the node. Nothing touches the namespace netpol runs in: links are created inside the
/// node namespace, no interface leads to the host's network, and there is no route out.
/// </summary>
public static class LabNetwork
{
    private const string Gateway4 = "169.254.1.1";
    private const string Gateway6 = "fe80::1";

    /// <summary>Creates every namespace of the plan and loads the rules, after removing leftovers of an earlier run.</summary>
    public static void Up(LabPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Down();
        var create = new StringBuilder();
        create.Append(FormattableString.Invariant($"netns add {LabPlan.NodeNetns}\n"));
        foreach (var host in plan.Hosts)
        {
            create.Append(FormattableString.Invariant($"netns add {host.Netns}\n"));
        }

        LabTools.Run("ip", ["-batch", "-"], create.ToString());
        var node = new StringBuilder("link set lo up\n");
        foreach (var host in plan.Hosts)
        {
            node.Append(FormattableString.Invariant($"link add {host.Interface} address {LabPlan.GatewayMac} type veth peer name eth0 address {host.Mac} netns {host.Netns}\n"));
            node.Append(FormattableString.Invariant($"link set {host.Interface} up\n"));
            foreach (var address in host.Addresses)
            {
                var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
                node.Append(FormattableString.Invariant($"route add {address}/{bits} dev {host.Interface}\n"));
                node.Append(FormattableString.Invariant($"neigh replace {address} lladdr {host.Mac} dev {host.Interface} nud permanent\n"));
            }
        }

        LabTools.Run("ip", ["-n", LabPlan.NodeNetns, "-batch", "-"], node.ToString());
        foreach (var host in plan.Hosts)
        {
            var inside = new StringBuilder("link set lo up\nlink set eth0 up\n");
            var v4 = host.Addresses.Any(a => a.AddressFamily == AddressFamily.InterNetwork);
            var v6 = host.Addresses.Any(a => a.AddressFamily == AddressFamily.InterNetworkV6);
            foreach (var address in host.Addresses)
            {
                inside.Append(address.AddressFamily == AddressFamily.InterNetwork
                    ? FormattableString.Invariant($"addr add {address}/32 dev eth0\n")
                    : FormattableString.Invariant($"addr add {address}/128 dev eth0 nodad\n"));
            }

            if (v4)
            {
                inside.Append(FormattableString.Invariant($"route add {Gateway4}/32 dev eth0 scope link\n"));
                inside.Append(FormattableString.Invariant($"route add default via {Gateway4} dev eth0\n"));
                inside.Append(FormattableString.Invariant($"neigh replace {Gateway4} lladdr {LabPlan.GatewayMac} dev eth0 nud permanent\n"));
            }

            if (v6)
            {
                inside.Append(FormattableString.Invariant($"route add default via {Gateway6} dev eth0\n"));
                inside.Append(FormattableString.Invariant($"neigh replace {Gateway6} lladdr {LabPlan.GatewayMac} dev eth0 nud permanent\n"));
            }

            LabTools.Run("ip", ["-n", host.Netns, "-batch", "-"], inside.ToString());
        }

        NetworkNamespace.Sysctl(LabPlan.NodeNetns, "net/ipv4/ip_forward", "1");
        NetworkNamespace.Sysctl(LabPlan.NodeNetns, "net/ipv6/conf/all/forwarding", "1");
        LabTools.Run("ip", ["netns", "exec", LabPlan.NodeNetns, "nft", "-f", "-"], plan.Rules.Text);
    }

    /// <summary>The lab namespaces that exist now (from this run or one that died).</summary>
    public static IReadOnlyList<string> Existing() =>
        System.IO.Directory.Exists(NetworkNamespace.Directory)
            ? System.IO.Directory.GetFiles(NetworkNamespace.Directory, $"{LabPlan.Prefix}-*").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Removes every lab namespace (their veths go with them). Returns how many were removed.</summary>
    public static int Down()
    {
        var existing = Existing();
        if (existing.Count == 0)
        {
            return 0;
        }

        var batch = string.Concat(existing.Select(n => $"netns del {n}\n"));
        LabTools.Run("ip", ["-force", "-batch", "-"], batch, check: false);
        var left = Existing();
        if (left.Count > 0)
        {
            throw new NetpolException($"could not remove the lab namespaces {string.Join(", ", left)}: remove them with 'ip netns del NAME'");
        }

        return existing.Count;
    }
}
