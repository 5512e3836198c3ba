using System.Net.Sockets;
using Netpol.Core.Model;

namespace Netpol.Lab.Traffic;

/// <summary>Sockets of the three NetworkPolicy protocols, and whether this kernel has them.</summary>
internal static class LabSockets
{
    private const ProtocolType Sctp = (ProtocolType)132;
    private static readonly Lazy<string?> SctpProblem = new(() =>
    {
        try
        {
            using var s = Create(AddressFamily.InterNetwork, Protocol.SCTP);
            return null;
        }
        catch (SocketException ex)
        {
            return $"SCTP is not available in this kernel ({ex.SocketErrorCode}): load the sctp module to probe it";
        }
    });

    /// <summary>Why a protocol cannot be probed here, or null.</summary>
    public static string? Unsupported(Protocol protocol) => protocol == Protocol.SCTP ? SctpProblem.Value : null;

    /// <summary>A new socket: stream for TCP and SCTP (one-to-one style), datagram for UDP.</summary>
    public static Socket Create(AddressFamily family, Protocol protocol) => protocol switch
    {
        Protocol.UDP => new Socket(family, SocketType.Dgram, ProtocolType.Udp),
        Protocol.SCTP => new Socket(family, SocketType.Stream, Sctp),
        _ => new Socket(family, SocketType.Stream, ProtocolType.Tcp),
    };
}
