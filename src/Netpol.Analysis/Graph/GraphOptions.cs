using Netpol.Core.Engine;

namespace Netpol.Analysis.Graph;

/// <summary>What <c>netpol graph</c> draws.</summary>
public sealed record GraphOptions
{
    /// <summary>What a node stands for.</summary>
    public GraphGrouping By { get; init; } = GraphGrouping.Workload;

    /// <summary>Namespaces to show (none: all); external and DNS nodes show when something shown reaches them.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Only these ports (none: every port).</summary>
    public IReadOnlyList<Probe> Probes { get; init; } = [];

    /// <summary>Add the flows people probably expect that policies block.</summary>
    public bool ShowDenied { get; init; }

    /// <summary>Keep the edges between ends no policy restricts (every port, both ends open).</summary>
    public bool ShowOpen { get; init; }

    /// <summary>
    /// The network plugin to draw for (<c>--cni NAME</c>): flows as that plugin enforces them, edges that differ from
    /// portable marked. Portable (the default) changes nothing.
    /// </summary>
    public Netpol.Core.Profiles.CniProfile Cni { get; init; } = Netpol.Core.Profiles.CniProfiles.Portable;

    /// <summary>Refuse to list more edges than this (a cluster where almost nothing is isolated).</summary>
    public int MaxEdges { get; init; } = 2_000_000;
}
