using Netpol.Core.Model;

namespace Netpol.Analysis.Generate;

/// <summary>
/// A connection seen in a flow log, its ends already matched to the manifests: a pod (real or a workload's
/// synthetic pod) or an external address, the destination port and protocol, how many flows, and when.
/// </summary>
public sealed record ObservedConnection(Endpoint Source, Endpoint Destination, int Port, Protocol Protocol)
{
    /// <summary>How many flows this stands for.</summary>
    public long Count { get; init; } = 1;

    /// <summary>When it was seen (first, when it stands for several flows), if the log says.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>When it was last seen, when it stands for several flows.</summary>
    public DateTimeOffset? LastTime { get; init; }
}
