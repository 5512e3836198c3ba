using System.Net;
using System.Net.Sockets;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint;

/// <summary>
/// Pod IPs sorted by address, so that the pods inside a CIDR are found by binary search instead of a scan of
/// every pod (lint asks this once per ipBlock, and large clusters have tens of thousands of both).
/// </summary>
internal sealed class PodAddressIndex
{
    private readonly (UInt128 Address, Pod Pod)[] _v4;
    private readonly (UInt128 Address, Pod Pod)[] _v6;

    public PodAddressIndex(IEnumerable<Pod> pods)
    {
        var v4 = new List<(UInt128, Pod)>();
        var v6 = new List<(UInt128, Pod)>();
        foreach (var pod in pods)
        {
            foreach (var ip in pod.IPs)
            {
                (ip.AddressFamily == AddressFamily.InterNetwork ? v4 : v6).Add((Number(ip), pod));
            }
        }

        _v4 = [.. v4.OrderBy(t => t.Item1)];
        _v6 = [.. v6.OrderBy(t => t.Item1)];
    }

    /// <summary>The pods with an IP inside the block's CIDR and outside its excepts (each once, in no particular order).</summary>
    public IEnumerable<Pod> In(IPBlock block)
    {
        var ipv4 = block.Cidr.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
        var list = ipv4 ? _v4 : _v6;
        var intervals = new List<(UInt128 First, UInt128 Last)> { Range(block.Cidr, ipv4) };
        foreach (var except in block.Except)
        {
            var (xf, xl) = Range(except, ipv4);
            var next = new List<(UInt128, UInt128)>();
            foreach (var (f, l) in intervals)
            {
                if (xl < f || xf > l)
                {
                    next.Add((f, l));
                    continue;
                }

                if (xf > f)
                {
                    next.Add((f, xf - 1));
                }

                if (xl < l)
                {
                    next.Add((xl + 1, l));
                }
            }

            intervals = next;
        }

        var seen = new HashSet<Pod>(ReferenceEqualityComparer.Instance);
        foreach (var (first, last) in intervals)
        {
            var lo = 0;
            var hi = list.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (list[mid].Address < first)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            for (var i = lo; i < list.Length && list[i].Address <= last; i++)
            {
                if (seen.Add(list[i].Pod))
                {
                    yield return list[i].Pod;
                }
            }
        }
    }

    private static (UInt128 First, UInt128 Last) Range(IPNetwork network, bool ipv4)
    {
        var bits = ipv4 ? 32 : 128;
        var first = Number(network.BaseAddress);
        var hostBits = bits - network.PrefixLength;
        var span = hostBits >= 128 ? UInt128.MaxValue : ((UInt128)1 << hostBits) - 1;
        return (first, first + span);
    }

    private static UInt128 Number(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        UInt128 n = 0;
        for (var i = 0; i < written; i++)
        {
            n = (n << 8) | bytes[i];
        }

        return n;
    }
}
