using Netpol.Core.Diagnostics;

namespace Netpol.Manifests.Config;

/// <summary>A parsed <c>.netpol.yaml</c>: its sections and the problems found in its shape.</summary>
public sealed record NetpolConfig(string File, LintSection Lint, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The file name netpol looks for in the working directory.</summary>
    public const string DefaultFileName = ".netpol.yaml";
}
