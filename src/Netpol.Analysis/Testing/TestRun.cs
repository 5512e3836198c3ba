using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Testing;

/// <summary>
/// The results of the tests that could be resolved, in spec order, and a diagnostic for every test that could
/// not (an unknown pod, a selector that matches nothing, a port the destination does not have).
/// </summary>
public sealed record TestRun(IReadOnlyList<TestResult> Results, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>How many tests passed.</summary>
    public int Passed => Results.Count(r => r.Passed);

    /// <summary>How many tests failed.</summary>
    public int Failed => Results.Count - Passed;
}
