using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Netpol.Manifests.Validation;

/// <summary>
/// The CIDR check of the policy.networking.k8s.io CRDs: <c>networks</c> entries are of type <c>CIDR</c>, validated
/// by the CEL rule <c>isCIDR(self)</c> ("Invalid CIDR format provided") with <c>maxLength: 43</c>. Kubernetes'
/// <c>isCIDR</c> parses with Go's <c>netip.ParsePrefix</c> and then rejects zones and IPv4-mapped IPv6, so:
/// IPv4 octets without leading zeros; a prefix length of plain digits without a leading zero, at most 32 or 128;
/// no <c>%zone</c>; no <c>::ffff:a.b.c.d</c>. Unlike NetworkPolicy's strict ipBlock check, host bits may be set
/// (<c>10.0.0.1/8</c> is accepted at v1alpha2); implementations mask them, and so does netpol. v1beta1 adds
/// <c>cidr(self) == cidr(self).masked()</c> with the same message, so there host bits are an error (<see cref="IsMasked"/>).
/// </summary>
internal static class CelCidr
{
    /// <summary>The CRD's <c>maxLength</c> for a CIDR.</summary>
    public const int MaxLength = 43;

    /// <summary>Parses a CIDR the way <c>isCIDR</c> accepts it; the network has its host bits cleared.</summary>
    public static bool TryParse(string value, out IPNetwork network)
    {
        ArgumentNullException.ThrowIfNull(value);
        network = default;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        var addressText = value[..slash];
        var bitsText = value[(slash + 1)..];
        if (!TryParseAddress(addressText, out var address) || !TryParseBits(bitsText, out var bits))
        {
            return false;
        }

        var width = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (bits > width)
        {
            return false;
        }

        network = new IPNetwork(Mask(address, bits), bits);
        return true;
    }

    /// <summary>
    /// True when <paramref name="value"/> (parsed as <paramref name="network"/>) names the network address itself,
    /// the v1beta1 rule <c>cidr(self) == cidr(self).masked()</c>: <c>10.0.0.0/8</c> yes, <c>10.0.0.1/8</c> no.
    /// </summary>
    public static bool IsMasked(string value, IPNetwork network)
    {
        ArgumentNullException.ThrowIfNull(value);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && IPAddress.TryParse(value[..slash], out var address) && address.Equals(network.BaseAddress);
    }

    private static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (!text.Contains(':', StringComparison.Ordinal))
        {
            return TryParseIPv4(text, out address);
        }

        // Only hex digits, colons and an embedded dotted IPv4 tail: no zone, no brackets.
        if (!text.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.'))
        {
            return false;
        }

        var lastColon = text.LastIndexOf(':');
        if (text.Contains('.', StringComparison.Ordinal) && !TryParseIPv4(text[(lastColon + 1)..], out _))
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6 || parsed.IsIPv4MappedToIPv6)
        {
            return false;
        }

        address = parsed;
        return true;
    }

    private static bool TryParseIPv4(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            var n = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (n > 255)
            {
                return false;
            }

            bytes[i] = (byte)n;
        }

        address = new IPAddress(bytes);
        return true;
    }

    private static bool TryParseBits(string text, out int bits)
    {
        bits = 0;
        if (text.Length is 0 or > 3 || !text.All(char.IsAsciiDigit) || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        bits = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    private static IPAddress Mask(IPAddress address, int bits)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(bits - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
