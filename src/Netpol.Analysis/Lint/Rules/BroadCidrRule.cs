using System.Net;
using System.Net.Sockets;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>broad-cidr</c>: an ipBlock of <c>0.0.0.0/0</c>, <c>::/0</c> or any prefix shorter than /8 that does not
/// except the private ranges. Such a block admits the whole internet and, unless excepted, every private address
/// too: nodes, other clusters, internal services, often pod addresses themselves.
/// </summary>
public sealed class BroadCidrRule : LintRule
{
    /// <summary>Prefixes shorter than this are broad.</summary>
    public const int BroadPrefix = 8;

    /// <inheritdoc />
    public override string Id => "broad-cidr";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Warning;

    /// <inheritdoc />
    public override string Summary => "an ipBlock of 0.0.0.0/0, ::/0 or a prefix shorter than /8 without excepting private ranges";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (policy, path, peer) in PolicyPeers.All(context.Cluster))
        {
            if (IsBroadWithoutPrivateExcepts(peer.IPBlock, out var missing))
            {
                var block = peer.IPBlock!;
                var excepts = block.Except.Select(e => e.ToString()).Concat(missing).ToList();
                context.Report(
                    policy,
                    $"{path}.ipBlock.cidr",
                    $"{block.Cidr} admits {(block.Cidr.PrefixLength == 0 ? "every address" : "a huge range")}, private ranges included ({string.Join(", ", missing)} not excepted)",
                    $"name the addresses you need (e.g. cidr: 203.0.113.0/24), or at least except the private ranges:\n  ipBlock:\n    cidr: {block.Cidr}\n    except:\n{string.Join("\n", excepts.Select(e => $"      - {e}"))}");
            }
        }
    }

    /// <summary>True when the block is broad and leaves some private range (listed in <paramref name="missing"/>) in.</summary>
    internal static bool IsBroadWithoutPrivateExcepts(IPBlock? block, out List<string> missing)
    {
        missing = [];
        if (block is null || block.Cidr.PrefixLength >= BroadPrefix)
        {
            return false;
        }

        var privates = block.Cidr.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? Snippets.PrivateIPv4 : Snippets.PrivateIPv6;
        foreach (var text in privates)
        {
            var range = IPNetwork.Parse(text);
            if (!block.Cidr.Contains(range.BaseAddress))
            {
                continue;
            }

            if (!block.Except.Any(e => e.PrefixLength <= range.PrefixLength && e.Contains(range.BaseAddress)))
            {
                missing.Add(text);
            }
        }

        return missing.Count > 0;
    }
}
