using Netpol.Analysis.Cni;
using Netpol.Core.Engine;
using Netpol.Core.Model;

namespace Netpol.Analysis.Matrix;

/// <summary>What <c>netpol matrix</c> computes.</summary>
public sealed record MatrixOptions
{
    /// <summary>Ports to probe; none: each cell lists every allowed port.</summary>
    public IReadOnlyList<Probe> Probes { get; init; } = [];

    /// <summary>Protocols to keep when listing allowed ports (none: all).</summary>
    public IReadOnlyList<Protocol> Protocols { get; init; } = [];

    /// <summary>Namespaces to show (none: all).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Rows and columns per pod or per workload.</summary>
    public Grouping By { get; init; } = Grouping.Pod;

    /// <summary>External addresses or CIDRs added as endpoints.</summary>
    public IReadOnlyList<string> Externals { get; init; } = [];

    /// <summary>The engine to use.</summary>
    public EngineKind Engine { get; init; } = EngineKind.Fast;

    /// <summary>The network plugin profile to answer for (<c>--cni</c>); portable by default.</summary>
    public CniSelection Cni { get; init; } = CniSelection.Portable;
}
