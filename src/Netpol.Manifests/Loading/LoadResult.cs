using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Manifests.Loading;

/// <summary>What a load produced: the cluster (always built, from the valid objects) and every diagnostic.</summary>
public sealed record LoadResult(Cluster Cluster, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error: analyses must not print answers that could be wrong.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The number of error diagnostics.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
}
