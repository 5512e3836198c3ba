using Netpol.Core.Model;

namespace Netpol.Manifests.Specs;

/// <summary>
/// The port of a test as written: a number from 1 to 65535, or a name that resolves on each destination pod's
/// container ports (on a Service destination: the name of a Service port).
/// </summary>
public sealed record TestPort(int? Number, string? Name, SourceLocation Location)
{
    /// <summary>The number, or the name.</summary>
    public override string ToString() => Number?.ToString() ?? Name!;
}
