using Netpol.Core.Engine;

namespace Netpol.Analysis.Matrix;

/// <summary>The connectivity matrix: endpoints in order and one cell per (from, to, probe).</summary>
public sealed record MatrixResult(IReadOnlyList<MatrixEndpoint> Endpoints, IReadOnlyList<Probe> Probes, IReadOnlyList<MatrixCell> Cells);
