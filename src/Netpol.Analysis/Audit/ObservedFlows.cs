using System.Runtime.InteropServices;
using Netpol.Core.Model;
using Netpol.Manifests.Flows;

namespace Netpol.Analysis.Audit;

/// <summary>
/// Observed flows folded into distinct (source, destination, port, protocol) tuples with their counts and first and
/// last times, as they stream in: a log of millions of lines becomes a few thousand tuples, and each tuple is
/// matched and evaluated once.
/// </summary>
public sealed class ObservedFlows
{
    private readonly Dictionary<FlowKey, FlowTally> _tuples = [];

    /// <summary>The flows added (each flow's <see cref="Flow.Count"/> summed).</summary>
    public long Flows { get; private set; }

    /// <summary>The number of distinct tuples.</summary>
    public int Distinct => _tuples.Count;

    /// <summary>The earliest time a flow carried, if any did.</summary>
    public DateTimeOffset? From { get; private set; }

    /// <summary>The latest time a flow carried, if any did.</summary>
    public DateTimeOffset? To { get; private set; }

    internal IEnumerable<KeyValuePair<FlowKey, FlowTally>> Tuples => _tuples;

    /// <summary>Folds a stream of flows (enumerated once).</summary>
    public static ObservedFlows Collect(IEnumerable<Flow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var result = new ObservedFlows();
        foreach (var flow in flows)
        {
            result.Add(flow);
        }

        return result;
    }

    /// <summary>The distinct tuples with their flow counts and first and last times, in no particular order.</summary>
    public IEnumerable<(FlowEndpoint Source, FlowEndpoint Destination, int Port, Protocol Protocol, long Count, DateTimeOffset? First, DateTimeOffset? Last)> DistinctFlows() =>
        _tuples.Select(kv => (kv.Key.Source, kv.Key.Destination, kv.Key.Port, kv.Key.Protocol, kv.Value.Count, kv.Value.First, kv.Value.Last));

    /// <summary>Adds one flow record.</summary>
    public void Add(Flow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(_tuples, new FlowKey(flow.Source, flow.Destination, flow.Port, flow.Protocol), out _);
        tally = tally.Add(flow.Count, flow.Time);
        Flows += flow.Count;
        if (flow.Time is { } t)
        {
            From = From is { } f && f <= t ? f : t;
            To = To is { } l && l >= t ? l : t;
        }
    }
}
