using Netpol.Manifests.Validation;

namespace Netpol.Manifests.Tests.Validation;

public class ApiValidationTests
{
    private const string SubdomainMsg =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string LabelMsg =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    private const string KeyNameMsg =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    private const string TooManySlashesMsg =
        "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";

    private const string ValueMsg =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    private const string PortCharset = "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
    private const string PortLetter = "must contain at least one letter (a-z)";
    private const string PortRange = "must be between 1 and 65535, inclusive";
    private const string Protocols = "supported values: \"TCP\", \"UDP\", \"SCTP\"";

    private static string[] Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split('|');

    private static void Expect(string[] expected, IReadOnlyList<string> actual) =>
        Assert.Equal(expected, actual);

    // ------------------------------------------------------------ DNS names

    [Theory]
    [InlineData("a")]
    [InlineData("allow-web")]
    [InlineData("example.com")]
    [InlineData("1-2.3.4")]
    [InlineData("0")]
    public void IsDns1123Subdomain_accepts(string value) =>
        Assert.Empty(ApiValidation.IsDns1123Subdomain(value));

    [Theory]
    [InlineData("")]
    [InlineData("Allow-Web")]
    [InlineData("allow_web")]
    [InlineData("-allow")]
    [InlineData("allow-")]
    [InlineData("allow.")]
    [InlineData(".allow")]
    [InlineData("a..b")]
    [InlineData("a.-b")]
    [InlineData("allow web")]
    [InlineData("allow\n")]
    public void IsDns1123Subdomain_rejects_format(string value) =>
        Expect([SubdomainMsg], ApiValidation.IsDns1123Subdomain(value));

    [Theory]
    [InlineData(253, 'a', "")]
    [InlineData(254, 'a', "must be no more than 253 bytes")]
    [InlineData(254, '-', "must be no more than 253 bytes|" + SubdomainMsg)]
    public void IsDns1123Subdomain_length_is_253_bytes(int length, char fill, string expected) =>
        Expect(Split(expected), ApiValidation.IsDns1123Subdomain(new string(fill, length)));

    [Fact]
    public void IsDns1123Subdomain_counts_utf8_bytes()
    {
        // 127 two-byte characters are 254 bytes: too long, and not [a-z0-9] either.
        Expect(["must be no more than 253 bytes", SubdomainMsg], ApiValidation.IsDns1123Subdomain(new string('é', 127)));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("kube-system")]
    [InlineData("a1")]
    [InlineData("123")]
    public void IsDns1123Label_accepts(string value) =>
        Assert.Empty(ApiValidation.IsDns1123Label(value));

    [Theory]
    [InlineData("", LabelMsg)]
    [InlineData("Default", LabelMsg)]
    [InlineData("team_a", LabelMsg)]
    [InlineData("-team", LabelMsg)]
    [InlineData("team.a", "must not contain dots")]
    [InlineData("a.b.c", "must not contain dots")]
    [InlineData("Team.A", LabelMsg)]
    public void IsDns1123Label_rejects(string value, string expected) =>
        Expect([expected], ApiValidation.IsDns1123Label(value));

    [Theory]
    [InlineData(63, 'a', "")]
    [InlineData(64, 'a', "must be no more than 63 bytes")]
    [InlineData(64, 'A', "must be no more than 63 bytes|" + LabelMsg)]
    public void IsDns1123Label_length_is_63_bytes(int length, char fill, string expected) =>
        Expect(Split(expected), ApiValidation.IsDns1123Label(new string(fill, length)));

    // ------------------------------------------------------------ label keys and values

    [Theory]
    [InlineData("app")]
    [InlineData("app.kubernetes.io/name")]
    [InlineData("kubernetes.io/metadata.name")]
    [InlineData("Upper_Case.1")]
    [InlineData("example.com/Foo-Bar")]
    [InlineData("1")]
    public void IsQualifiedName_accepts(string value) =>
        Assert.Empty(ApiValidation.IsQualifiedName(value));

    [Theory]
    [InlineData("", "name part must be non-empty|" + KeyNameMsg)]
    [InlineData("-app", KeyNameMsg)]
    [InlineData("app-", KeyNameMsg)]
    [InlineData("a b", KeyNameMsg)]
    [InlineData("NoUppercaseOrSpecialCharsLike=Equals", KeyNameMsg)]
    [InlineData("a/b/c", TooManySlashesMsg)]
    [InlineData("/app", "prefix part must be non-empty")]
    [InlineData("example.com/", "name part must be non-empty|" + KeyNameMsg)]
    [InlineData("Example.com/app", "prefix part " + SubdomainMsg)]
    [InlineData("example_com/app", "prefix part " + SubdomainMsg)]
    [InlineData("Bad_Prefix/-bad", "prefix part " + SubdomainMsg + "|" + KeyNameMsg)]
    public void IsQualifiedName_rejects(string value, string expected) =>
        Expect(Split(expected), ApiValidation.IsQualifiedName(value));

    [Theory]
    [InlineData(63, 253, "")]
    [InlineData(64, 0, "name part must be no more than 63 bytes")]
    [InlineData(1, 254, "prefix part must be no more than 253 bytes")]
    public void IsQualifiedName_lengths(int nameLength, int prefixLength, string expected)
    {
        var key = (prefixLength > 0 ? new string('p', prefixLength) + "/" : string.Empty) + new string('n', nameLength);
        Expect(Split(expected), ApiValidation.IsQualifiedName(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("web")]
    [InlineData("My_Value-1.2")]
    [InlineData("12345")]
    public void IsValidLabelValue_accepts(string value) =>
        Assert.Empty(ApiValidation.IsValidLabelValue(value));

    [Theory]
    [InlineData("-web")]
    [InlineData("web.")]
    [InlineData("_web")]
    [InlineData("a b")]
    [InlineData("a/b")]
    [InlineData("café")]
    public void IsValidLabelValue_rejects_format(string value) =>
        Expect([ValueMsg], ApiValidation.IsValidLabelValue(value));

    [Theory]
    [InlineData(63, 'v', "")]
    [InlineData(64, 'v', "must be no more than 63 bytes")]
    [InlineData(64, '.', "must be no more than 63 bytes|" + ValueMsg)]
    public void IsValidLabelValue_length_is_63_bytes(int length, char fill, string expected) =>
        Expect(Split(expected), ApiValidation.IsValidLabelValue(new string(fill, length)));

    // ------------------------------------------------------------ ports

    [Theory]
    [InlineData("http")]
    [InlineData("dns-tcp")]
    [InlineData("h2c")]
    [InlineData("a1")]
    [InlineData("abcdefghijklmno")]
    public void IsValidPortName_accepts(string value) =>
        Assert.Empty(ApiValidation.IsValidPortName(value));

    [Theory]
    [InlineData("", PortCharset + "|" + PortLetter)]
    [InlineData("80", PortLetter)]
    [InlineData("8080-9090", PortLetter)]
    [InlineData("HTTP", PortCharset + "|" + PortLetter)]
    [InlineData("http_alt", PortCharset)]
    [InlineData("web--api", "must not contain consecutive hyphens")]
    [InlineData("-http", "must not begin or end with a hyphen")]
    [InlineData("http-", "must not begin or end with a hyphen")]
    [InlineData("-", PortLetter + "|must not begin or end with a hyphen")]
    [InlineData("abcdefghijklmnop", "must be no more than 15 characters")]
    [InlineData("-ABCDEFGHIJKLMN--", "must be no more than 15 characters|" + PortCharset + "|" + PortLetter + "|must not contain consecutive hyphens|must not begin or end with a hyphen")]
    public void IsValidPortName_rejects(string value, string expected) =>
        Expect(Split(expected), ApiValidation.IsValidPortName(value));

    [Theory]
    [InlineData(1)]
    [InlineData(80)]
    [InlineData(65535)]
    public void IsValidPortNum_accepts(int port) =>
        Assert.Empty(ApiValidation.IsValidPortNum(port));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    [InlineData(123456789)]
    public void IsValidPortNum_rejects(int port) =>
        Expect([PortRange], ApiValidation.IsValidPortNum(port));

    [Theory]
    [InlineData(null, true)]
    [InlineData("TCP", true)]
    [InlineData("UDP", true)]
    [InlineData("SCTP", true)]
    [InlineData("tcp", false)]
    [InlineData("ICMP", false)]
    [InlineData("", false)]
    public void ValidateProtocol_is_case_sensitive(string? protocol, bool valid) =>
        Expect(valid ? [] : [Protocols], ApiValidation.ValidateProtocol(protocol));

    [Theory]
    [InlineData("Ingress", true)]
    [InlineData("Egress", true)]
    [InlineData("ingress", false)]
    [InlineData("Both", false)]
    public void ValidatePolicyType(string value, bool valid) =>
        Expect(valid ? [] : ["supported values: \"Ingress\", \"Egress\""], ApiValidation.ValidatePolicyType(value));

    // ------------------------------------------------------------ CIDR

    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("192.168.1.1/32", "192.168.1.1/32")]
    [InlineData("172.16.0.0/12", "172.16.0.0/12")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("::/0", "::/0")]
    [InlineData("2001:DB8:0:0::/64", "2001:db8::/64")]
    [InlineData("fd00::1/128", "fd00::1/128")]
    public void ValidateCidr_strict_accepts(string value, string network)
    {
        Assert.Empty(ApiValidation.ValidateCidr(value, out var parsed));
        Assert.Equal(System.Net.IPNetwork.Parse(network), parsed);
    }

    [Theory]
    [InlineData("10.0.0.1/8", ApiValidation.CidrHostBitsSet)]
    [InlineData("192.168.1.5/24", ApiValidation.CidrHostBitsSet)]
    [InlineData("2001:db8::1/64", ApiValidation.CidrHostBitsSet)]
    [InlineData("010.0.0.0/8", ApiValidation.CidrLeadingZeros)]
    [InlineData("10.000.0.0/16", ApiValidation.CidrLeadingZeros)]
    [InlineData("10.0.0.0/08", ApiValidation.CidrLeadingZeros)]
    [InlineData("010.0.0.1/8", ApiValidation.CidrLeadingZeros)]
    [InlineData("00001::/64", ApiValidation.CidrLeadingZeros)]
    [InlineData("::ffff:10.0.0.0/104", ApiValidation.CidrIPv4Mapped)]
    [InlineData("::ffff:1.1.1.0/24", ApiValidation.CidrIPv4Mapped)]
    [InlineData("10.0.0.0", ApiValidation.InvalidCidr)]
    [InlineData("10.0.0.0/33", ApiValidation.InvalidCidr)]
    [InlineData("2001:db8::/129", ApiValidation.InvalidCidr)]
    [InlineData("", ApiValidation.InvalidCidr)]
    [InlineData(" 10.0.0.0/8", ApiValidation.InvalidCidr)]
    [InlineData("10.0.0.0/8 ", ApiValidation.InvalidCidr)]
    [InlineData("10.0.0.0/", ApiValidation.InvalidCidr)]
    [InlineData("10.0.0.0/-8", ApiValidation.InvalidCidr)]
    [InlineData("10.0.0.0/+8", ApiValidation.InvalidCidr)]
    [InlineData("10.0.0/8", ApiValidation.InvalidCidr)]
    [InlineData("256.0.0.0/8", ApiValidation.InvalidCidr)]
    [InlineData("10.0.0.0/8/9", ApiValidation.InvalidCidr)]
    [InlineData("fe80::1%eth0/64", ApiValidation.InvalidCidr)]
    [InlineData("1:2:3:4:5:6:7:8::/64", ApiValidation.InvalidCidr)]
    [InlineData("[2001:db8::]/64", ApiValidation.InvalidCidr)]
    [InlineData("example.com/24", ApiValidation.InvalidCidr)]
    public void ValidateCidr_strict_rejects(string value, string expected)
    {
        Expect([expected], ApiValidation.ValidateCidr(value, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Theory]
    [InlineData("10.0.0.1/8", "10.0.0.0/8")]
    [InlineData("010.001.0.0/16", "10.1.0.0/16")]
    [InlineData("10.0.0.0/08", "10.0.0.0/8")]
    [InlineData("2001:db8::1/64", "2001:db8::/64")]
    [InlineData("00001::/64", "1::/64")]
    [InlineData("::ffff:10.0.0.0/104", "::ffff:10.0.0.0/104")]
    public void ValidateCidr_legacy_accepts_and_masks(string value, string network)
    {
        Assert.Empty(ApiValidation.ValidateCidr(value, out var parsed, CidrValidationMode.Legacy));
        Assert.Equal(System.Net.IPNetwork.Parse(network), parsed);
    }

    [Theory]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("bogus")]
    public void ValidateCidr_legacy_still_rejects_garbage(string value) =>
        Expect([ApiValidation.InvalidCidr], ApiValidation.ValidateCidr(value, out _, CidrValidationMode.Legacy));

    [Theory]
    [InlineData("10.0.0.0/8", "")]
    [InlineData("2001:db8::/64", "")]
    [InlineData("bogus", "")]
    [InlineData("10.0.0.1/8", "CIDR value \"10.0.0.1/8\" is ambiguous in this context (should be \"10.0.0.0/8\" or \"10.0.0.1/32\"?)")]
    [InlineData("2001:db8::1/64", "CIDR value \"2001:db8::1/64\" is ambiguous in this context (should be \"2001:db8::/64\" or \"2001:db8::1/128\"?)")]
    [InlineData("010.0.0.0/8", "non-standard CIDR value \"010.0.0.0/8\" will be considered invalid in a future Kubernetes release: use \"10.0.0.0/8\"")]
    [InlineData("192.12.2.0/024", "non-standard CIDR value \"192.12.2.0/024\" will be considered invalid in a future Kubernetes release: use \"192.12.2.0/24\"")]
    [InlineData("::ffff:192.12.2.0/120", "non-standard CIDR value \"::ffff:192.12.2.0/120\" will be considered invalid in a future Kubernetes release: use \"192.12.2.0/24\"")]
    [InlineData("010.0.0.1/8", "CIDR value \"010.0.0.1/8\" is ambiguous in this context (should be \"10.0.0.0/8\" or \"10.0.0.1/32\"?)|non-standard CIDR value \"010.0.0.1/8\" will be considered invalid in a future Kubernetes release: use \"10.0.0.0/8\"")]
    [InlineData("2001:DB8::/64", "IPv6 CIDR value \"2001:DB8::/64\" should be in RFC 5952 canonical format (\"2001:db8::/64\")")]
    [InlineData("2001:db8:0:0::/64", "IPv6 CIDR value \"2001:db8:0:0::/64\" should be in RFC 5952 canonical format (\"2001:db8::/64\")")]
    [InlineData("2001:db8:0:1:0:0:0:0/64", "IPv6 CIDR value \"2001:db8:0:1:0:0:0:0/64\" should be in RFC 5952 canonical format (\"2001:db8:0:1::/64\")")]
    public void GetCidrWarnings(string value, string expected) =>
        Expect(Split(expected), ApiValidation.GetCidrWarnings(value));

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true)]
    [InlineData("10.0.0.0/8", "10.255.255.255/32", true)]
    [InlineData("0.0.0.0/0", "169.254.169.254/32", true)]
    [InlineData("2001:db8::/32", "2001:db8:1::/48", true)]
    [InlineData("10.0.0.0/8", "10.1.0.5/16", true)]
    [InlineData("10.0.0.0/8", "10.0.0.0/8", false)]
    [InlineData("10.0.0.0/16", "10.0.0.0/8", false)]
    [InlineData("10.0.0.0/8", "11.0.0.0/16", false)]
    [InlineData("10.0.0.0/8", "2001:db8::/64", false)]
    [InlineData("::/0", "10.0.0.0/8", false)]
    [InlineData("10.0.0.1/8", "10.0.0.0/8", false)]
    [InlineData("::ffff:10.0.0.0/104", "10.1.0.0/16", false)]
    [InlineData("10.0.0.0/8", "::ffff:10.1.0.0/112", true)]
    public void ValidateExceptWithinCidr(string cidr, string except, bool valid) =>
        Expect(valid ? [] : [ApiValidation.ExceptNotStrictSubset], ApiValidation.ValidateExceptWithinCidr(cidr, except));

    [Theory]
    [InlineData("bogus", "10.0.0.0/8")]
    [InlineData("10.0.0.0/8", "bogus")]
    public void ValidateExceptWithinCidr_skips_unparseable(string cidr, string except) =>
        Assert.Empty(ApiValidation.ValidateExceptWithinCidr(cidr, except));

    // ------------------------------------------------------------ ports (full lines)

    [Theory]
    [InlineData("TCP", 80, null, null, "")]
    [InlineData(null, null, null, null, "")]
    [InlineData("UDP", 53, null, 53, "")]
    [InlineData("TCP", 32000, null, 32768, "")]
    [InlineData("SCTP", null, "dns", null, "")]
    [InlineData("ICMP", 80, null, null, "p.protocol: Unsupported value: \"ICMP\": " + Protocols)]
    [InlineData("tcp", 80, null, null, "p.protocol: Unsupported value: \"tcp\": " + Protocols)]
    [InlineData("", 80, null, null, "p.protocol: Unsupported value: \"\": " + Protocols)]
    [InlineData("TCP", 80, null, 79, "p.endPort: Invalid value: 79: must be greater than or equal to `port`")]
    [InlineData("TCP", 0, null, null, "p.port: Invalid value: 0: " + PortRange)]
    [InlineData("TCP", 65536, null, null, "p.port: Invalid value: 65536: " + PortRange)]
    [InlineData("TCP", 123456789, null, null, "p.port: Invalid value: 123456789: " + PortRange)]
    [InlineData("TCP", 1000, null, 70000, "p.endPort: Invalid value: 70000: " + PortRange)]
    [InlineData("TCP", 80, null, 0, "p.endPort: Invalid value: 0: must be greater than or equal to `port`|p.endPort: Invalid value: 0: " + PortRange)]
    [InlineData("TCP", 70000, null, 80, "p.port: Invalid value: 70000: " + PortRange + "|p.endPort: Invalid value: 80: must be greater than or equal to `port`")]
    [InlineData("TCP", null, "http", 90, "p.endPort: Invalid value: 90: may not be specified when `port` is non-numeric")]
    [InlineData("TCP", null, "80", null, "p.port: Invalid value: \"80\": " + PortLetter)]
    [InlineData("TCP", null, "Web", 81, "p.endPort: Invalid value: 81: may not be specified when `port` is non-numeric|p.port: Invalid value: \"Web\": " + PortCharset)]
    [InlineData("TCP", null, null, 90, "p.endPort: Invalid value: 90: may not be specified when `port` is not specified")]
    [InlineData("icmp", null, null, 90, "p.protocol: Unsupported value: \"icmp\": " + Protocols + "|p.endPort: Invalid value: 90: may not be specified when `port` is not specified")]
    public void ValidatePort(string? protocol, int? port, string? portName, int? endPort, string expected) =>
        Expect(Split(expected), ApiValidation.ValidatePort("p", protocol, port, portName, endPort));

    [Fact]
    public void ValidatePort_rejects_both_numeric_and_named() =>
        Assert.Throws<ArgumentException>(() => ApiValidation.ValidatePort("p", null, 80, "http", null));

    // ------------------------------------------------------------ peers and ipBlock

    [Theory]
    [InlineData(true, false, false, "")]
    [InlineData(false, true, false, "")]
    [InlineData(false, false, true, "")]
    [InlineData(true, true, false, "")]
    [InlineData(false, false, false, "spec.ingress[0].from[1]: Required value: must specify a peer")]
    [InlineData(true, false, true, "spec.ingress[0].from[1]: Forbidden: may not specify both ipBlock and another peer")]
    [InlineData(false, true, true, "spec.ingress[0].from[1]: Forbidden: may not specify both ipBlock and another peer")]
    [InlineData(true, true, true, "spec.ingress[0].from[1]: Forbidden: may not specify both ipBlock and another peer")]
    public void ValidatePeerShape(bool pod, bool ns, bool ip, string expected) =>
        Expect(Split(expected), ApiValidation.ValidatePeerShape("spec.ingress[0].from[1]", pod, ns, ip));

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16,10.2.0.0/16", false, "")]
    [InlineData("2001:db8::/32", "", false, "")]
    [InlineData("", "", false, "b.cidr: Required value")]
    [InlineData(null, "10.0.0.0/8", false, "b.cidr: Required value")]
    [InlineData("10.0.0.1/8", "10.0.0.0/8", false,
        "b.cidr: Invalid value: \"10.0.0.1/8\": must not have bits set beyond the prefix length|b.except[0]: Invalid value: \"10.0.0.0/8\": must be a strict subset of `cidr`")]
    [InlineData("10.0.0.1/8", "10.1.0.0/16", true, "")]
    [InlineData("010.0.0.0/8", "010.1.0.0/16", false,
        "b.cidr: Invalid value: \"010.0.0.0/8\": must not have leading 0s in IP or prefix length|b.except[0]: Invalid value: \"010.1.0.0/16\": must not have leading 0s in IP or prefix length")]
    [InlineData("bogus", "alsobogus", false,
        "b.cidr: Invalid value: \"bogus\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")]
    [InlineData("10.0.0.0/8", "bogus,11.0.0.0/16,2001:db8::/64,10.0.0.0/8", false,
        "b.except[0]: Invalid value: \"bogus\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"
        + "|b.except[1]: Invalid value: \"11.0.0.0/16\": must be a strict subset of `cidr`"
        + "|b.except[2]: Invalid value: \"2001:db8::/64\": must be a strict subset of `cidr`"
        + "|b.except[3]: Invalid value: \"10.0.0.0/8\": must be a strict subset of `cidr`")]
    public void ValidateIpBlock(string? cidr, string except, bool legacy, string expected) =>
        Expect(
            Split(expected),
            ApiValidation.ValidateIpBlock("b", cidr, except.Length == 0 ? null : except.Split(','), legacy ? CidrValidationMode.Legacy : CidrValidationMode.Strict));

    [Fact]
    public void ValidateIpBlock_ratchets_existing_values()
    {
        string[] existing = ["010.0.0.0/8"];
        Assert.Empty(ApiValidation.ValidateIpBlock("b", "010.0.0.0/8", ["10.1.0.0/16"], CidrValidationMode.Strict, existing));
        Expect(
            ["b.except[0]: Invalid value: \"10.0.0.1/24\": must not have bits set beyond the prefix length"],
            ApiValidation.ValidateIpBlock("b", "010.0.0.0/8", ["10.0.0.1/24"], CidrValidationMode.Strict, existing));
    }

    // ------------------------------------------------------------ policyTypes

    [Theory]
    [InlineData("", "")]
    [InlineData("Ingress", "")]
    [InlineData("Egress", "")]
    [InlineData("Ingress,Egress", "")]
    [InlineData("Egress,Ingress", "")]
    [InlineData("Ingress,Ingress", "")]
    [InlineData("ingress", "spec.policyTypes[0]: Unsupported value: \"ingress\": supported values: \"Ingress\", \"Egress\"")]
    [InlineData("Ingress,EGRESS", "spec.policyTypes[1]: Unsupported value: \"EGRESS\": supported values: \"Ingress\", \"Egress\"")]
    [InlineData("Ingress,Egress,Ingress",
        "spec.policyTypes: Invalid value: []networking.PolicyType{\"Ingress\", \"Egress\", \"Ingress\"}: may not specify more than two policyTypes")]
    [InlineData("a,b,c", "spec.policyTypes: Invalid value: []networking.PolicyType{\"a\", \"b\", \"c\"}: may not specify more than two policyTypes")]
    public void ValidatePolicyTypes(string types, string expected) =>
        Expect(Split(expected), ApiValidation.ValidatePolicyTypes("spec.policyTypes", types.Length == 0 ? [] : types.Split(',')));

    // ------------------------------------------------------------ selectors

    [Theory]
    [InlineData("app", "web", "")]
    [InlineData("app.kubernetes.io/name", "", "")]
    [InlineData("NoUppercaseOrSpecialCharsLike=Equals", "b", "s.matchLabels: Invalid value: \"NoUppercaseOrSpecialCharsLike=Equals\": " + KeyNameMsg)]
    [InlineData("app", "-web", "s.matchLabels: Invalid value: \"-web\": " + ValueMsg)]
    [InlineData("a/b/c", "x y", "s.matchLabels: Invalid value: \"a/b/c\": " + TooManySlashesMsg + "|s.matchLabels: Invalid value: \"x y\": " + ValueMsg)]
    public void ValidateMatchLabels(string key, string value, string expected) =>
        Expect(Split(expected), ApiValidation.ValidateMatchLabels("s.matchLabels", [new KeyValuePair<string, string>(key, value)]));

    [Theory]
    [InlineData("app", "In", "web,api", "")]
    [InlineData("app", "NotIn", "web", "")]
    [InlineData("app", "Exists", "", "")]
    [InlineData("app", "DoesNotExist", "", "")]
    [InlineData("app", "In", "", "r.values: Required value: must be specified when `operator` is 'In' or 'NotIn'")]
    [InlineData("app", "NotIn", "", "r.values: Required value: must be specified when `operator` is 'In' or 'NotIn'")]
    [InlineData("app", "Exists", "web", "r.values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'")]
    [InlineData("app", "DoesNotExist", "-web", "r.values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'|r.values[0]: Invalid value: \"-web\": " + ValueMsg)]
    [InlineData("app", "in", "web", "r.operator: Invalid value: \"in\": not a valid selector operator")]
    [InlineData("app", "Equals", "web", "r.operator: Invalid value: \"Equals\": not a valid selector operator")]
    [InlineData("app", "", "", "r.operator: Invalid value: \"\": not a valid selector operator")]
    [InlineData("", "Exists", "", "r.key: Invalid value: \"\": name part must be non-empty|r.key: Invalid value: \"\": " + KeyNameMsg)]
    [InlineData("app", "In", "web,bad value,", "r.values[1]: Invalid value: \"bad value\": " + ValueMsg)]
    public void ValidateLabelSelectorRequirement(string key, string op, string values, string expected) =>
        Assert.Equal(
            Split(expected),
            ApiValidation.ValidateLabelSelectorRequirement("r", key, op, values.Length == 0 ? null : values.Split(',')));

    [Fact]
    public void ValidateLabelSelectorRequirement_can_skip_value_checks_on_ratcheted_update() =>
        Assert.Empty(ApiValidation.ValidateLabelSelectorRequirement("r", "app", "In", ["bad value"], allowInvalidValues: true));

    // ------------------------------------------------------------ metadata

    [Theory]
    [InlineData("allow-web", null, "default", "")]
    [InlineData("allow.web.v2", null, "team-a", "")]
    [InlineData(null, null, "default", "metadata.name: Required value: name or generateName is required")]
    [InlineData("Allow-Web", null, "default", "metadata.name: Invalid value: \"Allow-Web\": " + SubdomainMsg)]
    [InlineData("allow-web", null, null, "metadata.namespace: Required value")]
    [InlineData("allow-web", null, "team.a", "metadata.namespace: Invalid value: \"team.a\": must not contain dots")]
    [InlineData("allow-web", null, "Team-A", "metadata.namespace: Invalid value: \"Team-A\": " + LabelMsg)]
    [InlineData("allow-web-x1y2z", "allow-web-", "default", "")]
    [InlineData("x", "Allow-", "default", "metadata.generateName: Invalid value: \"Allow-\": " + SubdomainMsg)]
    public void ValidateObjectMetaNames(string? name, string? generateName, string? ns, string expected) =>
        Expect(Split(expected), ApiValidation.ValidateObjectMetaNames(name, generateName, ns));

    [Theory]
    [InlineData("Example.com/Note", "")]
    [InlineData("kubectl.kubernetes.io/last-applied-configuration", "")]
    [InlineData("a/b/c", "metadata.annotations: Invalid value: \"a/b/c\": " + TooManySlashesMsg)]
    public void ValidateAnnotationKeys(string key, string expected) =>
        Expect(Split(expected), ApiValidation.ValidateAnnotationKeys("metadata.annotations", [key]));

    // ------------------------------------------------------------ formatting

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("", "\"\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("tab\there\n", "\"tab\\there\\n\"")]
    [InlineData("\u0001", "\"\\x01\"")]
    [InlineData("café", "\"café\"")]
    [InlineData("no\u00a0break", "\"no\\u00a0break\"")]
    public void GoQuote(string value, string expected) =>
        Assert.Equal(expected, ApiValidation.GoQuote(value));

    [Fact]
    public void FormatKubectlInvalid_single_error_is_one_line() =>
        Assert.Equal(
            "The NetworkPolicy \"x\" is invalid: spec.ingress[0].ports[0].endPort: Invalid value: 79: must be greater than or equal to `port`",
            ApiValidation.FormatKubectlInvalid("NetworkPolicy", "x", ApiValidation.ValidatePort("spec.ingress[0].ports[0]", "TCP", 80, null, 79)));

    [Fact]
    public void FormatKubectlInvalid_several_errors_are_bulleted_and_deduplicated()
    {
        string[] lines = ["a: Required value", "b: Forbidden: no", "a: Required value"];
        Assert.Equal(
            "The NetworkPolicy \"x\" is invalid: \n* a: Required value\n* b: Forbidden: no",
            ApiValidation.FormatKubectlInvalid("NetworkPolicy", "x", lines));
    }

    [Fact]
    public void FormatStatusMessage_uses_the_qualified_kind_and_brackets()
    {
        Assert.Equal(
            "NetworkPolicy.networking.k8s.io \"x\" is invalid: a: Required value",
            ApiValidation.FormatStatusMessage("x", ["a: Required value"]));
        Assert.Equal(
            "NetworkPolicy.networking.k8s.io \"x\" is invalid: [a: Required value, b: Forbidden: no]",
            ApiValidation.FormatStatusMessage("x", ["a: Required value", "b: Forbidden: no"]));
    }

    [Fact]
    public void Format_helpers()
    {
        Assert.Equal("p: Invalid value: \"v\": d", ApiValidation.FormatInvalid("p", "v", "d"));
        Assert.Equal("p: Invalid value: 7: d", ApiValidation.FormatInvalid("p", 7, "d"));
        Assert.Equal("p: Required value", ApiValidation.FormatRequired("p", string.Empty));
        Assert.Equal("p: Forbidden: d", ApiValidation.FormatForbidden("p", "d"));
        Assert.Equal("p: Unsupported value: \"x\": supported values: \"A\", \"B\"", ApiValidation.FormatNotSupported("p", "x", ["A", "B"]));
    }
}
