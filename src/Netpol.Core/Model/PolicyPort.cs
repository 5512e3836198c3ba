namespace Netpol.Core.Model;

/// <summary>
/// A port of a rule: a number (<see cref="Port"/>), a range (<see cref="Port"/> to <see cref="EndPort"/>, inclusive),
/// a name (<see cref="Name"/>, resolved against the destination pod's container ports of this protocol),
/// or neither (every port of the protocol).
/// </summary>
public sealed record PolicyPort(Protocol Protocol, int? Port = null, string? Name = null, int? EndPort = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var p = Name ?? (Port is null ? "*" : EndPort is null ? Port.Value.ToString() : $"{Port}-{EndPort}");
        return $"{p}/{Protocol}";
    }
}
