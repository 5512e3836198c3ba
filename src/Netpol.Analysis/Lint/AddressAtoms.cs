using System.Net;
using System.Net.Sockets;
using System.Numerics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint;

/// <summary>
/// Splits the address space at every boundary of a set of ipBlocks (CIDRs and excepts) and returns one address
/// per piece. Within a piece every ipBlock either contains all addresses or none, so testing one address per piece
/// decides a question about ipBlocks for every external address exactly.
/// </summary>
internal static class AddressAtoms
{
    public static IReadOnlyList<IPAddress> Of(IEnumerable<IPBlock> blocks)
    {
        var v4 = new SortedSet<BigInteger> { BigInteger.Zero };
        var v6 = new SortedSet<BigInteger> { BigInteger.Zero };
        foreach (var block in blocks)
        {
            foreach (var net in block.Except.Prepend(block.Cidr))
            {
                var ipv4 = net.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
                var bits = ipv4 ? 32 : 128;
                var start = ToNumber(net.BaseAddress);
                var end = start + (BigInteger.One << (bits - net.PrefixLength));
                var set = ipv4 ? v4 : v6;
                set.Add(start);
                if (end < BigInteger.One << bits)
                {
                    set.Add(end);
                }
            }
        }

        return [.. v4.Select(n => FromNumber(n, 4)), .. v6.Select(n => FromNumber(n, 16))];
    }

    private static BigInteger ToNumber(IPAddress address) => new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    private static IPAddress FromNumber(BigInteger n, int length)
    {
        var bytes = new byte[length];
        var raw = n.ToByteArray(isUnsigned: true, isBigEndian: true);
        raw.CopyTo(bytes, length - raw.Length);
        return new IPAddress(bytes);
    }
}
