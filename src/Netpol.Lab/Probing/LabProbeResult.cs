using Netpol.Analysis.Matrix;

namespace Netpol.Lab.Probing;

/// <summary>
/// What <c>netpol lab probe</c> found: the observed matrix (same shape as <c>netpol matrix</c>), the engine's
/// matrix over the same cells, every disagreement, and counts.
/// </summary>
public sealed record LabProbeResult(
    MatrixResult Observed,
    MatrixResult Engine,
    IReadOnlyList<LabDisagreement> Disagreements,
    int Attempts,
    int Unsupported,
    int Retried,
    TimeSpan Elapsed)
{
    /// <summary>True when the kernel agreed with the engine on every probe it could make.</summary>
    public bool Agree => Disagreements.Count == 0;
}
