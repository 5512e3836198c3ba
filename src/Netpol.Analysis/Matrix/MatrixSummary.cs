using Netpol.Core.Engine;

namespace Netpol.Analysis.Matrix;

/// <summary>Deterministic counts for clusters too large to print: no timings, identical for both engines.</summary>
public sealed record MatrixSummary(
    int Pods,
    int Namespaces,
    int Policies,
    int EndpointClasses,
    long AllowedPairs,
    IReadOnlyList<(Probe Probe, long AllowedPairs)> PerProbe);
