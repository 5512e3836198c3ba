using System.Net;

namespace Netpol.Core.Model;

/// <summary>An ipBlock peer: addresses inside <see cref="Cidr"/> and inside none of <see cref="Except"/>.</summary>
public sealed record IPBlock(IPNetwork Cidr, IReadOnlyList<IPNetwork> Except)
{
    /// <summary>True when the address is in the CIDR and in no except range.</summary>
    public bool Matches(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!Cidr.Contains(address))
        {
            return false;
        }

        foreach (var ex in Except)
        {
            if (ex.Contains(address))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() =>
        Except.Count == 0 ? Cidr.ToString() : $"{Cidr} except {string.Join(", ", Except)}";
}
