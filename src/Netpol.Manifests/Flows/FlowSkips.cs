namespace Netpol.Manifests.Flows;

/// <summary>What a read passed over without making a flow of it.</summary>
/// <param name="Replies">Flows marked as replies (<c>is_reply: true</c>): the connection was counted when it was opened.</param>
/// <param name="NonL4">Flows without a TCP, UDP or SCTP destination port (ICMP, no <c>l4</c>): NetworkPolicy ports cannot apply.</param>
/// <param name="NotFlows">Lines that were valid JSON but no flow (<c>node_status</c>, <c>lost_events</c>, ...).</param>
public sealed record FlowSkips(long Replies, long NonL4, long NotFlows)
{
    /// <summary>Nothing skipped.</summary>
    public static FlowSkips None { get; } = new(0, 0, 0);

    /// <summary>The skipped flows: replies and non-L4 flows (lines that were no flow are not flows).</summary>
    public long Flows => Replies + NonL4;
}
