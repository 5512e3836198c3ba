using Netpol.Core.Model;

namespace Netpol.Manifests.Specs;

/// <summary>
/// One end of a test as written: either <see cref="Text"/> (<c>ns/pod</c>, <c>ns/kind/name</c>, <c>ns/svc/name</c>,
/// an IP address) or a <see cref="Selector"/>, with where it was written.
/// </summary>
public sealed record TestEndpoint(string? Text, TestSelector? Selector, SourceLocation Location)
{
    /// <summary>The endpoint as netpol prints it: the text as written, or the selector's short form.</summary>
    public override string ToString() => Text ?? Selector!.ToString();
}
