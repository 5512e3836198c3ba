using Netpol.Core.Model;

namespace Netpol.Manifests.Specs;

/// <summary>
/// One well-formed entry of a spec's <c>tests:</c> list. <see cref="Protocol"/> is null when not written: TCP, or
/// the protocol of the named container port or of the Service port.
/// </summary>
/// <param name="File">The spec file.</param>
/// <param name="Index">The position in <c>tests</c>, for field paths: <c>tests[3].to</c>.</param>
/// <param name="Name">The test's name, unique in its file.</param>
/// <param name="Location">Where the test's entry starts.</param>
/// <param name="From">The source.</param>
/// <param name="To">The destination.</param>
/// <param name="Port">The destination port, or null when not written (allowed for a Service with one port).</param>
/// <param name="Protocol">The protocol, or null when not written.</param>
/// <param name="Expect">Whether every pair must be allowed or every pair denied.</param>
public sealed record TestSpec(
    string File,
    int Index,
    string Name,
    SourceLocation Location,
    TestEndpoint From,
    TestEndpoint To,
    TestPort? Port,
    Protocol? Protocol,
    TestExpectation Expect)
{
    /// <summary>The field path of this test in its file: <c>tests[3]</c>.</summary>
    public string Path => $"tests[{Index}]";
}
