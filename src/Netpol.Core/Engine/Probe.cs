using Netpol.Core.Model;

namespace Netpol.Core.Engine;

/// <summary>One port of one protocol to test connections on.</summary>
public readonly record struct Probe(int Port, Protocol Protocol)
{
    /// <inheritdoc />
    public override string ToString() => $"{Port}/{Protocol}";
}
