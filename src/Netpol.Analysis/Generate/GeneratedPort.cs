using Netpol.Core.Model;

namespace Netpol.Analysis.Generate;

/// <summary>A port of a generated rule: a container port name where the destination pods declare one, else the number.</summary>
public sealed record GeneratedPort(Protocol Protocol, int Port, string? Name)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name ?? Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{Protocol}";
}
