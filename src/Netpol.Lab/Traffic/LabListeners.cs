using System.Net;
using System.Net.Sockets;
using Netpol.Core.Model;
using Netpol.Lab.Network;

namespace Netpol.Lab.Traffic;

/// <summary>
/// Answers inside every host's namespace on its ports: TCP and SCTP accept and close, UDP echoes each datagram.
/// Sockets are bound in the host's namespace, then served from the thread pool until disposed.
/// </summary>
public sealed class LabListeners : IDisposable
{
    private readonly List<Socket> _sockets = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    private LabListeners()
    {
    }

    /// <summary>How many sockets listen.</summary>
    public int Count => _sockets.Count;

    /// <summary>Opens every listener of every host.</summary>
    public static LabListeners Start(IEnumerable<LabHost> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var listeners = new LabListeners();
        try
        {
            foreach (var host in hosts)
            {
                var families = host.Addresses.Select(a => a.AddressFamily).Distinct().ToList();
                var opened = NetworkNamespace.Run(host.Netns, () => Open(host, families));
                listeners._sockets.AddRange(opened.Select(o => o.Socket));
                foreach (var (socket, protocol) in opened)
                {
                    listeners._loops.Add(protocol == Protocol.UDP ? Echo(socket, listeners._stop.Token) : Accept(socket, listeners._stop.Token));
                }
            }
        }
        catch
        {
            listeners.Dispose();
            throw;
        }

        return listeners;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        foreach (var s in _sockets)
        {
            s.Dispose();
        }

        try
        {
            Task.WaitAll([.. _loops], TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The loops end with the sockets they serve.
        }

        _stop.Dispose();
    }

    private static List<(Socket Socket, Protocol Protocol)> Open(LabHost host, List<AddressFamily> families)
    {
        var result = new List<(Socket, Protocol)>();
        foreach (var listen in host.Listen)
        {
            if (LabSockets.Unsupported(listen.Protocol) is not null)
            {
                continue;
            }

            foreach (var family in families)
            {
                var socket = LabSockets.Create(family, listen.Protocol);
                if (family == AddressFamily.InterNetworkV6)
                {
                    socket.DualMode = false;
                }

                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(family == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, listen.Port));
                if (listen.Protocol != Protocol.UDP)
                {
                    socket.Listen(512);
                }

                result.Add((socket, listen.Protocol));
            }
        }

        return result;
    }

    private static async Task Accept(Socket socket, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = await socket.AcceptAsync(stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stop.IsCancellationRequested || ex is ObjectDisposedException)
                {
                    return;
                }
            }
        }
    }

    private static async Task Echo(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[2048];
        EndPoint any = socket.AddressFamily == AddressFamily.InterNetwork ? new IPEndPoint(IPAddress.Any, 0) : new IPEndPoint(IPAddress.IPv6Any, 0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stop).ConfigureAwait(false);
                await socket.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, received.RemoteEndPoint, stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stop.IsCancellationRequested || ex is ObjectDisposedException)
                {
                    return;
                }
            }
        }
    }
}
