using Netpol.Core.Diagnostics;

namespace Netpol.Manifests.Specs;

/// <summary>
/// A parsed test spec file: its well-formed tests, in order, and every problem of its shape. A test with a
/// problem is reported and left out of <see cref="Tests"/>.
/// </summary>
public sealed record TestSpecFile(string File, IReadOnlyList<TestSpec> Tests, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The well-formed endpoints of the tests left out of <see cref="Tests"/>, to check on their own.</summary>
    public IReadOnlyList<TestEndpointField> EndpointsOfBadTests { get; init; } = [];

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
