using System.Net;
using System.Net.Sockets;
using Netpol.Core.Model;
using Netpol.Lab.Network;

namespace Netpol.Lab.Traffic;

/// <summary>
/// Makes real connection attempts from inside the source hosts' namespaces, many at once, each bounded by a timeout.
/// TCP and SCTP: a completed handshake or a refusal (the packet reached the pod, nothing listened there) is allowed,
/// silence is denied. UDP: an echo or an ICMP port-unreachable is allowed, silence is denied.
/// </summary>
public static class LabProber
{
    /// <summary>At most this many sockets are open for probing at once.</summary>
    private const int Batch = 1024;

    private static readonly byte[] Payload = "netpol lab probe"u8.ToArray();

    /// <summary>Runs every request and returns the outcomes in the same order.</summary>
    public static async Task<ProbeOutcome[]> RunAsync(IReadOnlyList<ProbeRequest> requests, TimeSpan timeout, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var outcomes = new ProbeOutcome[requests.Count];
        for (var start = 0; start < requests.Count; start += Batch)
        {
            cancel.ThrowIfCancellationRequested();
            var count = Math.Min(Batch, requests.Count - start);
            var sockets = Open(requests, start, count, outcomes);
            var tasks = new List<Task>(count);
            for (var i = start; i < start + count; i++)
            {
                if (sockets[i - start] is { } socket)
                {
                    var index = i;
                    tasks.Add(Task.Run(async () => outcomes[index] = await Attempt(socket, requests[index], timeout, cancel).ConfigureAwait(false), cancel));
                }
            }

            await Task.WhenAll(tasks).ConfigureAwait(false);
        }

        return outcomes;
    }

    /// <summary>Creates the sockets of a batch, each inside its source's namespace (one thread per source).</summary>
    private static Socket?[] Open(IReadOnlyList<ProbeRequest> requests, int start, int count, ProbeOutcome[] outcomes)
    {
        var sockets = new Socket?[count];
        var bySource = Enumerable.Range(start, count).GroupBy(i => requests[i].From.Netns, StringComparer.Ordinal);
        foreach (var group in bySource)
        {
            NetworkNamespace.Run(group.Key, () =>
            {
                foreach (var i in group)
                {
                    var request = requests[i];
                    if (LabSockets.Unsupported(request.Probe.Protocol) is { } why)
                    {
                        outcomes[i] = new ProbeOutcome(ProbeVerdict.Unsupported, why);
                        continue;
                    }

                    sockets[i - start] = LabSockets.Create(request.Address.AddressFamily, request.Probe.Protocol);
                }

                return true;
            });
        }

        return sockets;
    }

    private static async Task<ProbeOutcome> Attempt(Socket socket, ProbeRequest request, TimeSpan timeout, CancellationToken cancel)
    {
        using var owned = socket;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        var target = new IPEndPoint(request.Address, request.Probe.Port);
        try
        {
            if (request.Probe.Protocol == Protocol.UDP)
            {
                await socket.ConnectAsync(target, limit.Token).ConfigureAwait(false);
                await socket.SendAsync(Payload, SocketFlags.None, limit.Token).ConfigureAwait(false);
                var buffer = new byte[64];
                await socket.ReceiveAsync(buffer, SocketFlags.None, limit.Token).ConfigureAwait(false);
                return new ProbeOutcome(ProbeVerdict.Allowed, "echoed");
            }

            await socket.ConnectAsync(target, limit.Token).ConfigureAwait(false);
            return new ProbeOutcome(ProbeVerdict.Allowed, "connected");
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return new ProbeOutcome(ProbeVerdict.Allowed, "refused: it reached the destination, which does not listen on the port");
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new ProbeOutcome(ProbeVerdict.Denied, $"no answer within {timeout.TotalMilliseconds:0} ms");
        }
        catch (SocketException ex)
        {
            return new ProbeOutcome(ProbeVerdict.Denied, $"failed: {ex.SocketErrorCode}");
        }
    }
}
