using System.Net;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>ipblock-covers-pods</c>: an ipBlock that contains pod addresses (pod IPs in the input, or the cluster's pod
/// ranges given with <c>--pod-cidr</c>). The API intends ipBlock for traffic from outside the cluster; whether a
/// CNI matches pod traffic against it varies, and pod IPs change on every restart, so pods should be admitted by
/// selectors. Broad blocks are left to <c>broad-cidr</c>.
/// </summary>
public sealed class IPBlockCoversPodsRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "ipblock-covers-pods";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "an ipBlock contains pod IPs: enforcement differs between CNIs";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (policy, path, peer) in PolicyPeers.All(context.Cluster))
        {
            if (peer.IPBlock is not { } block || BroadCidrRule.IsBroadWithoutPrivateExcepts(block, out _))
            {
                continue;
            }

            var pods = context.PodsAdmittedBy(policy, peer).Where(p => !p.HostNetwork).ToList();
            var ranges = context.Options.PodCidrs.Where(r => Overlaps(block, r)).ToList();
            if (pods.Count == 0 && ranges.Count == 0)
            {
                continue;
            }

            var what = pods.Count > 0
                ? $"the IPs of {pods.Count} pod{(pods.Count == 1 ? string.Empty : "s")} ({string.Join(", ", pods.Take(3).Select(p => p.FullName))}{(pods.Count > 3 ? ", ..." : string.Empty)})"
                : $"addresses of the pod range {string.Join(", ", ranges)}";
            context.Report(
                policy,
                $"{path}.ipBlock",
                $"{block} contains {what}: CNIs differ on whether pod traffic matches ipBlocks, and pod IPs change",
                Fix(block, pods, ranges));
        }
    }

    // An except must lie strictly inside the CIDR: suggest one only where that holds, else drop the block.
    private static string Fix(IPBlock block, List<Pod> pods, List<IPNetwork> ranges)
    {
        const string Selectors = "admit pods with podSelector/namespaceSelector peers";
        var inside = ranges.Where(r => r.PrefixLength > block.Cidr.PrefixLength && block.Cidr.Contains(r.BaseAddress)).ToList();
        var excepts = inside.Select(r => r.ToString()).ToList();
        var host = block.Cidr.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        if (block.Cidr.PrefixLength < host)
        {
            // Pods outside the excepted ranges need their own /32 (or /128).
            excepts.AddRange(pods.SelectMany(p => p.IPs)
                .Where(ip => block.Cidr.Contains(ip) && !inside.Any(r => r.Contains(ip)) && !block.Except.Any(e => e.Contains(ip)))
                .Distinct().Take(5).Select(ip => $"{ip}/{host}"));
        }

        var coversRangeWhole = ranges.Any(r => r.PrefixLength <= block.Cidr.PrefixLength && r.Contains(block.Cidr.BaseAddress));
        if (coversRangeWhole)
        {
            excepts.Clear();
        }

        return excepts.Count > 0
            ? $"{Selectors}, and except the pod addresses from the block: except: [{string.Join(", ", excepts)}]"
            : $"{Selectors} instead of this ipBlock: it holds only pod addresses";
    }

    private static bool Overlaps(IPBlock block, IPNetwork range)
    {
        if (block.Cidr.BaseAddress.AddressFamily != range.BaseAddress.AddressFamily)
        {
            return false;
        }

        // Two prefixes overlap when one contains the other's base address.
        var overlaps = block.Cidr.Contains(range.BaseAddress) || range.Contains(block.Cidr.BaseAddress);

        // Fully excepted: the range lies inside one except.
        return overlaps && !block.Except.Any(e => e.PrefixLength <= range.PrefixLength && e.Contains(range.BaseAddress));
    }
}
