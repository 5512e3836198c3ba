namespace Netpol.Core.Tests.Types;

public partial class IPBlockTests
{
    public static TheoryData<Case> Cases => new()
    {
        new("an address inside the cidr matches", "10.0.0.0/16", [], "10.0.200.1", true),
        new("the first address of the cidr matches", "10.0.0.0/16", [], "10.0.0.0", true),
        new("the last address of the cidr matches", "10.0.0.0/16", [], "10.0.255.255", true),
        new("the address after the cidr does not match", "10.0.0.0/16", [], "10.1.0.0", false),
        new("a /32 matches its one address", "192.0.2.7/32", [], "192.0.2.7", true),
        new("a /32 matches no other address", "192.0.2.7/32", [], "192.0.2.8", false),
        new("0.0.0.0/0 matches every IPv4 address", "0.0.0.0/0", [], "203.0.113.50", true),
        new("0.0.0.0/0 does not match IPv6 addresses", "0.0.0.0/0", [], "2001:db8::1", false),
        new("an excepted address does not match", "10.0.0.0/16", ["10.0.1.0/24"], "10.0.1.77", false),
        new("the first excepted address does not match", "10.0.0.0/16", ["10.0.1.0/24"], "10.0.1.0", false),
        new("the last excepted address does not match", "10.0.0.0/16", ["10.0.1.0/24"], "10.0.1.255", false),
        new("the address before the except matches", "10.0.0.0/16", ["10.0.1.0/24"], "10.0.0.255", true),
        new("the address after the except matches", "10.0.0.0/16", ["10.0.1.0/24"], "10.0.2.0", true),
        new("every except is applied", "10.0.0.0/16", ["10.0.1.0/24", "10.0.3.0/24"], "10.0.3.9", false),
        new("an IPv6 address inside the cidr matches", "fd00:1::/32", [], "fd00:1:ffff::1", true),
        new("an IPv6 address outside the cidr does not match", "fd00:1::/32", [], "fd00:2::1", false),
        new("an excepted IPv6 address does not match", "fd00:1::/32", ["fd00:1:2::/48"], "fd00:1:2::5", false),
        new("an IPv6 address beside the except matches", "fd00:1::/32", ["fd00:1:2::/48"], "fd00:1:3::5", true),
        new("::/0 matches every IPv6 address", "::/0", [], "2001:db8::1", true),
        new("::/0 does not match IPv4 addresses", "::/0", [], "10.0.0.1", false),
        new("an IPv6 block does not match an IPv4 address", "fd00::/8", [], "10.0.0.1", false),
    };
}
