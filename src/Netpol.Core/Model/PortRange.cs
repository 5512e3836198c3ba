namespace Netpol.Core.Model;

/// <summary>An inclusive range of ports of one protocol.</summary>
public readonly record struct PortRange(Protocol Protocol, int Start, int End)
{
    /// <summary>The lowest port a policy can name.</summary>
    public const int MinPort = 1;

    /// <summary>The highest port a policy can name.</summary>
    public const int MaxPort = 65535;

    /// <inheritdoc />
    public override string ToString() =>
        Start == MinPort && End == MaxPort ? $"*/{Protocol}" : Start == End ? $"{Start}/{Protocol}" : $"{Start}-{End}/{Protocol}";
}
