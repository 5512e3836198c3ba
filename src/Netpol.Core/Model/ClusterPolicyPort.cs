namespace Netpol.Core.Model;

/// <summary>
/// One entry of a ClusterNetworkPolicy rule's <c>protocols</c>. Cases:
/// a protocol with a port (<see cref="Port"/>) or a range (<see cref="Port"/> to <see cref="EndPort"/>, inclusive);
/// a protocol alone: every port of it;
/// a named port (<see cref="NamedPort"/>, no protocol): the destination pod's container ports of that name,
/// whatever their protocol.
/// </summary>
public sealed record ClusterPolicyPort(Protocol? Protocol, int? Port = null, int? EndPort = null, string? NamedPort = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        if (NamedPort is not null)
        {
            return NamedPort;
        }

        var p = Port is null ? "*" : EndPort is null ? Port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Port}-{EndPort}";
        return $"{p}/{Protocol}";
    }
}
