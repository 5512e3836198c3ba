using Netpol.Core.Model;

namespace Netpol.Analysis.Coverage;

/// <summary>
/// A minimum percentage of isolated pods and how the run fared: the reported percentage (rounded down to one decimal)
/// must reach <see cref="Minimum"/>. With no pods there is no percentage, and the threshold passes.
/// </summary>
/// <param name="Direction">The direction the threshold is about.</param>
/// <param name="Minimum">The lowest acceptable percentage.</param>
/// <param name="Percent">The run's percentage, null when there are no pods.</param>
/// <param name="Isolated">Pods isolated for the direction.</param>
/// <param name="Pods">Pods counted.</param>
public sealed record CoverageThreshold(Direction Direction, double Minimum, double? Percent, int Isolated, int Pods)
{
    /// <summary>True when there are no pods, or the percentage reaches the minimum.</summary>
    public bool Passed => Percent is not { } p || p >= Minimum;
}
