using System.Globalization;
using System.Net;
using System.Text;

namespace Netpol.Manifests.Validation;

/// <summary>Which parser the API server applies to <c>ipBlock.cidr</c> and <c>ipBlock.except[]</c>.</summary>
internal enum CidrValidationMode
{
    /// <summary>
    /// Kubernetes 1.36 and later (feature gate <c>StrictIPCIDRValidation</c>, beta and on by default):
    /// leading zeros, IPv4-mapped IPv6 addresses and host bits beyond the prefix are rejected.
    /// </summary>
    Strict,

    /// <summary>
    /// Kubernetes 1.35 and earlier, or 1.36+ with the gate turned off: anything the old Go
    /// <c>net.ParseCIDR</c> accepted (leading zeros, host bits, IPv4-mapped IPv6) is accepted,
    /// and the ambiguous forms only earn a warning (see <see cref="ApiValidation.GetCidrWarnings"/>).
    /// </summary>
    Legacy,
}

/// <summary>
/// Pure re-implementations of the checks the Kubernetes API server applies to networking/v1
/// NetworkPolicy objects, returning the same error text the API server returns.
/// </summary>
/// <remarks>
/// <para>Functions named <c>Is…</c> and <c>ValidateCidr</c> return error <em>details</em>: the part of
/// an API server error after <c>field: Invalid value: X: </c>. An empty list means valid.</para>
/// <para>Functions taking a <c>path</c> check a whole field group and return complete error lines in the
/// API server's format, for example
/// <c>spec.ingress[0].ports[0].endPort: Invalid value: 79: must be greater than or equal to `port`</c>.</para>
/// <para>Lengths are measured in UTF-8 bytes, as Go's <c>len</c> does. See docs/validation.md.</para>
/// </remarks>
internal static class ApiValidation
{
    /// <summary>Maximum length in bytes of a DNS-1123 subdomain (object names, label-key prefixes).</summary>
    public const int DnsSubdomainMaxLength = 253;

    /// <summary>Maximum length in bytes of a DNS-1123 label (namespace names).</summary>
    public const int DnsLabelMaxLength = 63;

    /// <summary>Maximum length in bytes of the name part of a qualified name (label key).</summary>
    public const int QualifiedNameMaxLength = 63;

    /// <summary>Maximum length in bytes of a label value.</summary>
    public const int LabelValueMaxLength = 63;

    /// <summary>Maximum length of a named port (IANA_SVC_NAME).</summary>
    public const int PortNameMaxLength = 15;

    /// <summary>Detail for a peer with none of podSelector, namespaceSelector and ipBlock (Required).</summary>
    public const string MustSpecifyPeer = "must specify a peer";

    /// <summary>Detail for a peer combining ipBlock with a selector (Forbidden).</summary>
    public const string IpBlockWithOtherPeer = "may not specify both ipBlock and another peer";

    /// <summary>Detail for an endPort below a numeric port (Invalid).</summary>
    public const string EndPortBelowPort = "must be greater than or equal to `port`";

    /// <summary>Detail for an endPort next to a named port (Invalid).</summary>
    public const string EndPortWithNamedPort = "may not be specified when `port` is non-numeric";

    /// <summary>Detail for an endPort without a port (Invalid).</summary>
    public const string EndPortWithoutPort = "may not be specified when `port` is not specified";

    /// <summary>Detail for an ipBlock.except entry that is not strictly inside the cidr (Invalid).</summary>
    public const string ExceptNotStrictSubset = "must be a strict subset of `cidr`";

    /// <summary>Detail for a policyTypes list longer than two (Invalid).</summary>
    public const string TooManyPolicyTypes = "may not specify more than two policyTypes";

    /// <summary>Detail for an In/NotIn requirement without values (Required).</summary>
    public const string ValuesRequiredForIn = "must be specified when `operator` is 'In' or 'NotIn'";

    /// <summary>Detail for an Exists/DoesNotExist requirement with values (Forbidden).</summary>
    public const string ValuesForbiddenForExists = "may not be specified when `operator` is 'Exists' or 'DoesNotExist'";

    /// <summary>Detail for an unknown selector operator (Invalid).</summary>
    public const string InvalidSelectorOperator = "not a valid selector operator";

    /// <summary>Detail for an object with neither name nor generateName (Required).</summary>
    public const string NameOrGenerateNameRequired = "name or generateName is required";

    /// <summary>Detail for a CIDR that cannot be parsed at all (Invalid).</summary>
    public const string InvalidCidr = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

    /// <summary>Strict-mode detail for leading zeros in an octet or in the prefix length (Invalid).</summary>
    public const string CidrLeadingZeros = "must not have leading 0s in IP or prefix length";

    /// <summary>Strict-mode detail for an IPv4-mapped IPv6 CIDR such as <c>::ffff:10.0.0.0/104</c> (Invalid).</summary>
    public const string CidrIPv4Mapped = "must not have an IPv4-mapped IPv6 address";

    /// <summary>Strict-mode detail for a CIDR with host bits set, such as <c>10.0.0.1/8</c> (Invalid).</summary>
    public const string CidrHostBitsSet = "must not have bits set beyond the prefix length";

    /// <summary>The protocols a NetworkPolicyPort accepts, in the order the API server lists them.</summary>
    public static readonly IReadOnlyList<string> SupportedProtocols = ["TCP", "UDP", "SCTP"];

    /// <summary>The policyTypes values the API server accepts, in the order it lists them.</summary>
    public static readonly IReadOnlyList<string> SupportedPolicyTypes = ["Ingress", "Egress"];

    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + "(\\." + Dns1123LabelFormat + ")*";
    private const string LabelKeyFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelValueFormat = "(" + LabelKeyFormat + ")?";

    private const string Dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";

    private const string Dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    private const string LabelKeyMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    private const string LabelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    private const string EmptyMessage = "must be non-empty";

    private static readonly IReadOnlyList<string> None = [];

    // ---------------------------------------------------------------- names, labels, ports

    /// <summary>
    /// A lowercase RFC 1123 subdomain: at most 253 bytes of <c>[a-z0-9.-]</c>, dot-separated labels that
    /// start and end with an alphanumeric. Object names (NetworkPolicy <c>metadata.name</c>) use this.
    /// </summary>
    public static IReadOnlyList<string> IsDns1123Subdomain(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>(2);
        if (ByteLength(value) > DnsSubdomainMaxLength)
        {
            errors.Add(MaxLengthError(DnsSubdomainMaxLength));
        }

        if (!MatchesDnsSubdomain(value))
        {
            errors.Add(RegexError(Dns1123SubdomainMessage, Dns1123SubdomainFormat, "example.com"));
        }

        return errors;
    }

    /// <summary>
    /// A lowercase RFC 1123 label: at most 63 bytes of <c>[a-z0-9-]</c>, starting and ending with an
    /// alphanumeric. Namespace names use this; a valid subdomain with dots gets "must not contain dots".
    /// </summary>
    public static IReadOnlyList<string> IsDns1123Label(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>(2);
        if (ByteLength(value) > DnsLabelMaxLength)
        {
            errors.Add(MaxLengthError(DnsLabelMaxLength));
        }

        if (!MatchesDnsLabel(value))
        {
            errors.Add(MatchesDnsSubdomain(value)
                ? "must not contain dots"
                : RegexError(Dns1123LabelMessage, Dns1123LabelFormat, "my-name", "123-abc"));
        }

        return errors;
    }

    /// <summary>
    /// A qualified name (label key, selector key): an optional DNS-subdomain prefix and '/', then a name
    /// of at most 63 bytes of <c>[A-Za-z0-9_.-]</c> starting and ending with an alphanumeric.
    /// </summary>
    public static IReadOnlyList<string> IsQualifiedName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>(2);
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0)
                {
                    errors.Add("prefix part " + EmptyMessage);
                }
                else
                {
                    foreach (var msg in IsDns1123Subdomain(prefix))
                    {
                        errors.Add("prefix part " + msg);
                    }
                }

                break;
            default:
                errors.Add("a valid label key "
                    + RegexError(LabelKeyMessage, LabelKeyFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
        }

        if (name.Length == 0)
        {
            errors.Add("name part " + EmptyMessage);
        }
        else if (ByteLength(name) > QualifiedNameMaxLength)
        {
            errors.Add("name part " + MaxLengthError(QualifiedNameMaxLength));
        }

        if (!MatchesLabelKeyName(name))
        {
            errors.Add("name part " + RegexError(LabelKeyMessage, LabelKeyFormat, "MyName", "my.name", "123-abc"));
        }

        return errors;
    }

    /// <summary>A label value: empty, or at most 63 bytes of <c>[A-Za-z0-9_.-]</c> starting and ending with an alphanumeric.</summary>
    public static IReadOnlyList<string> IsValidLabelValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>(2);
        if (ByteLength(value) > LabelValueMaxLength)
        {
            errors.Add(MaxLengthError(LabelValueMaxLength));
        }

        if (value.Length != 0 && !MatchesLabelKeyName(value))
        {
            errors.Add(RegexError(LabelValueMessage, LabelValueFormat, "MyValue", "my_value", "12345"));
        }

        return errors;
    }

    /// <summary>
    /// A named port (IANA_SVC_NAME): 1–15 characters of <c>[a-z0-9-]</c>, at least one letter, no
    /// leading, trailing or doubled '-'. Every failed rule contributes its own message.
    /// </summary>
    public static IReadOnlyList<string> IsValidPortName(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>(2);
        if (ByteLength(value) > PortNameMaxLength)
        {
            // util/validation still has its own MaxLenError, which says "characters".
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"must be no more than {PortNameMaxLength} characters"));
        }

        var charsetOk = value.Length > 0;
        var hasLetter = false;
        foreach (var c in value)
        {
            if (c is >= 'a' and <= 'z')
            {
                hasLetter = true;
            }
            else if (c is not ((>= '0' and <= '9') or '-'))
            {
                charsetOk = false;
            }
        }

        if (!charsetOk)
        {
            errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }

        if (!hasLetter)
        {
            errors.Add("must contain at least one letter (a-z)");
        }

        if (value.Contains("--", StringComparison.Ordinal))
        {
            errors.Add("must not contain consecutive hyphens");
        }

        if (value.Length > 0 && (value[0] == '-' || value[^1] == '-'))
        {
            errors.Add("must not begin or end with a hyphen");
        }

        return errors;
    }

    /// <summary>A port number: 1 to 65535 inclusive (0 is not a valid port).</summary>
    public static IReadOnlyList<string> IsValidPortNum(int port) =>
        port is >= 1 and <= 65535 ? None : ["must be between 1 and 65535, inclusive"];

    /// <summary>
    /// Protocol of a NetworkPolicyPort. The API server defaults an absent protocol to TCP, so pass null
    /// for "not set". Values are case-sensitive: "tcp" is rejected. Returns the Unsupported-value detail.
    /// </summary>
    public static IReadOnlyList<string> ValidateProtocol(string? protocol) =>
        protocol is null || Contains(SupportedProtocols, protocol) ? None : [SupportedValuesDetail(SupportedProtocols)];

    /// <summary>One policyTypes entry: exactly "Ingress" or "Egress" (case-sensitive). Returns the Unsupported-value detail.</summary>
    public static IReadOnlyList<string> ValidatePolicyType(string policyType)
    {
        ArgumentNullException.ThrowIfNull(policyType);
        return Contains(SupportedPolicyTypes, policyType) ? None : [SupportedValuesDetail(SupportedPolicyTypes)];
    }

    // ---------------------------------------------------------------- CIDRs

    /// <summary>
    /// Validates an <c>ipBlock.cidr</c> or <c>ipBlock.except[]</c> value the way the API server does.
    /// </summary>
    /// <param name="value">The CIDR text exactly as written in the manifest.</param>
    /// <param name="network">
    /// When the result is empty: the network with host bits cleared (in <see cref="CidrValidationMode.Legacy"/>
    /// mode <c>10.0.0.1/8</c> gives <c>10.0.0.0/8</c>, which is how implementations read it). Otherwise default.
    /// </param>
    /// <param name="mode">Strict (Kubernetes 1.36+ default) or legacy (1.35 and earlier) parsing.</param>
    /// <returns>At most one detail in strict mode; empty when valid.</returns>
    public static IReadOnlyList<string> ValidateCidr(string value, out IPNetwork network, CidrValidationMode mode = CidrValidationMode.Strict)
    {
        ArgumentNullException.ThrowIfNull(value);
        network = default;
        if (!TryParseSloppyCidr(value, out var parsed))
        {
            return [InvalidCidr];
        }

        if (mode == CidrValidationMode.Strict)
        {
            if (parsed.NonStrictSyntax)
            {
                return [CidrLeadingZeros];
            }

            if (parsed.Address.Length == 16 && IsIPv4Mapped(parsed.Address))
            {
                return [CidrIPv4Mapped];
            }

            if (parsed.HasHostBits)
            {
                return [CidrHostBitsSet];
            }
        }

        network = new IPNetwork(new IPAddress(parsed.Network), parsed.PrefixLength);
        return None;
    }

    /// <summary>
    /// The warnings the API server attaches (it still accepts the object) for a CIDR that parses but is
    /// ambiguous or non-canonical, without the leading <c>field: </c>. Under strict validation only the
    /// last kind (non-canonical IPv6, e.g. upper-case hex) can still occur; the others are errors there.
    /// </summary>
    public static IReadOnlyList<string> GetCidrWarnings(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!TryParseSloppyCidr(value, out var parsed))
        {
            return None;
        }

        var warnings = new List<string>();
        if (parsed.HasHostBits)
        {
            var single = GoIPString(parsed.Address) + "/" + (parsed.Address.Length * 8).ToString(CultureInfo.InvariantCulture);
            warnings.Add($"CIDR value {GoQuote(value)} is ambiguous in this context (should be {GoQuote(GoNetworkString(parsed))} or {GoQuote(single)}?)");
        }

        var mapped = parsed.Address.Length == 16 && IsIPv4Mapped(parsed.Address);
        if (parsed.NonStrictSyntax || mapped)
        {
            warnings.Add($"non-standard CIDR value {GoQuote(value)} will be considered invalid in a future Kubernetes release: use {GoQuote(GoNetworkString(parsed))}");
        }

        if (warnings.Count == 0 && parsed.Address.Length == 16)
        {
            var canonical = FormatIPv6(parsed.Address) + "/" + parsed.PrefixLength.ToString(CultureInfo.InvariantCulture);
            if (!string.Equals(canonical, value, StringComparison.Ordinal))
            {
                warnings.Add($"IPv6 CIDR value {GoQuote(value)} should be in RFC 5952 canonical format ({GoQuote(canonical)})");
            }
        }

        return warnings;
    }

    /// <summary>
    /// The strict-subset rule between <c>ipBlock.cidr</c> and one <c>except</c> entry: the except network
    /// must lie inside the cidr and have a strictly longer prefix. Equal ranges, disjoint ranges and the
    /// other IP family all fail. Values that do not parse at all give no result here (the API server
    /// reports them through <see cref="ValidateCidr"/> and skips this check); host bits and leading zeros
    /// do not prevent the check, even in strict mode.
    /// </summary>
    public static IReadOnlyList<string> ValidateExceptWithinCidr(string cidr, string except)
    {
        ArgumentNullException.ThrowIfNull(cidr);
        ArgumentNullException.ThrowIfNull(except);
        if (!TryParseSloppyCidr(cidr, out var outer) || !TryParseSloppyCidr(except, out var inner))
        {
            return None;
        }

        var inside = GoNetContains(outer, inner.Network);
        return inside && outer.PrefixLength < inner.PrefixLength ? None : [ExceptNotStrictSubset];
    }

    // ---------------------------------------------------------------- whole field groups (full error lines)

    /// <summary>
    /// Checks one <c>ports[]</c> entry and returns full error lines under <paramref name="path"/>
    /// (e.g. <c>spec.ingress[0].ports[1]</c>). Give either <paramref name="port"/> (numeric) or
    /// <paramref name="portName"/> (string form, even if it is all digits like "80"), or neither.
    /// </summary>
    public static IReadOnlyList<string> ValidatePort(string path, string? protocol, int? port, string? portName, int? endPort)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (port is not null && portName is not null)
        {
            throw new ArgumentException("A port is either numeric or named, not both.", nameof(portName));
        }

        var lines = new List<string>();
        if (ValidateProtocol(protocol).Count > 0)
        {
            lines.Add(FormatNotSupported(path + ".protocol", protocol!, SupportedProtocols));
        }

        var endPath = path + ".endPort";
        if (port is { } number)
        {
            foreach (var msg in IsValidPortNum(number))
            {
                lines.Add(FormatInvalid(path + ".port", number, msg));
            }

            if (endPort is { } end)
            {
                if (end < number)
                {
                    lines.Add(FormatInvalid(endPath, end, EndPortBelowPort));
                }

                foreach (var msg in IsValidPortNum(end))
                {
                    lines.Add(FormatInvalid(endPath, end, msg));
                }
            }
        }
        else if (portName is not null)
        {
            if (endPort is { } end)
            {
                lines.Add(FormatInvalid(endPath, end, EndPortWithNamedPort));
            }

            foreach (var msg in IsValidPortName(portName))
            {
                lines.Add(FormatInvalid(path + ".port", portName, msg));
            }
        }
        else if (endPort is { } end)
        {
            lines.Add(FormatInvalid(endPath, end, EndPortWithoutPort));
        }

        return lines;
    }

    /// <summary>
    /// The peer-shape rule for one <c>from[]</c>/<c>to[]</c> entry (<paramref name="path"/> such as
    /// <c>spec.ingress[0].from[2]</c>): at least one of the three fields, and ipBlock alone. An empty
    /// selector (<c>podSelector: {}</c>) counts as set. The API server reports these after the
    /// selector and ipBlock errors of the same peer.
    /// </summary>
    public static IReadOnlyList<string> ValidatePeerShape(string path, bool hasPodSelector, bool hasNamespaceSelector, bool hasIpBlock)
    {
        ArgumentNullException.ThrowIfNull(path);
        var count = (hasPodSelector ? 1 : 0) + (hasNamespaceSelector ? 1 : 0) + (hasIpBlock ? 1 : 0);
        if (count == 0)
        {
            return [FormatRequired(path, MustSpecifyPeer)];
        }

        return count > 1 && hasIpBlock ? [FormatForbidden(path, IpBlockWithOtherPeer)] : None;
    }

    /// <summary>
    /// Checks an ipBlock (<paramref name="path"/> such as <c>spec.egress[0].to[0].ipBlock</c>) and returns
    /// full error lines: cidr required and valid, each except valid and a strict subset of cidr.
    /// </summary>
    /// <param name="path">Field path of the ipBlock.</param>
    /// <param name="cidr">The cidr text; null or empty gives <c>cidr: Required value</c> and nothing else.</param>
    /// <param name="except">The except entries, if any.</param>
    /// <param name="mode">Strict (1.36+) or legacy parsing.</param>
    /// <param name="existingCidrs">
    /// On update, every cidr/except string already present in the stored object: these skip the syntax
    /// check (ratcheting), but not the subset check.
    /// </param>
    public static IReadOnlyList<string> ValidateIpBlock(
        string path,
        string? cidr,
        IReadOnlyList<string>? except,
        CidrValidationMode mode = CidrValidationMode.Strict,
        IReadOnlyCollection<string>? existingCidrs = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var lines = new List<string>();
        var cidrPath = path + ".cidr";
        if (string.IsNullOrEmpty(cidr))
        {
            lines.Add(FormatRequired(cidrPath, string.Empty));
            return lines;
        }

        AddCidrErrors(lines, cidrPath, cidr, mode, existingCidrs);
        if (!TryParseSloppyCidr(cidr, out _))
        {
            return lines;
        }

        for (var i = 0; i < (except?.Count ?? 0); i++)
        {
            var entry = except![i];
            var entryPath = path + ".except[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            AddCidrErrors(lines, entryPath, entry, mode, existingCidrs);
            foreach (var msg in ValidateExceptWithinCidr(cidr, entry))
            {
                lines.Add(FormatInvalid(entryPath, entry, msg));
            }
        }

        return lines;
    }

    /// <summary>
    /// Checks <c>spec.policyTypes</c> after defaulting. More than two entries give one error for the whole
    /// list and nothing else; otherwise each entry must be "Ingress" or "Egress". Duplicates such as
    /// [Ingress, Ingress] are accepted.
    /// </summary>
    public static IReadOnlyList<string> ValidatePolicyTypes(string path, IReadOnlyList<string> policyTypes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(policyTypes);
        if (policyTypes.Count > SupportedPolicyTypes.Count)
        {
            // The API server prints the list with Go's %#v of its internal type.
            var items = string.Join(", ", policyTypes.Select(GoQuote));
            return [$"{path}: Invalid value: []networking.PolicyType{{{items}}}: {TooManyPolicyTypes}"];
        }

        var lines = new List<string>();
        for (var i = 0; i < policyTypes.Count; i++)
        {
            if (ValidatePolicyType(policyTypes[i]).Count > 0)
            {
                lines.Add(FormatNotSupported(
                    path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", policyTypes[i], SupportedPolicyTypes));
            }
        }

        return lines;
    }

    /// <summary>
    /// Checks a <c>matchLabels</c> map (or <c>metadata.labels</c>); every error is reported at
    /// <paramref name="path"/> itself, with the offending key or value as the bad value. The API server
    /// walks a Go map, so its order across keys is random; this follows the given order.
    /// </summary>
    public static IReadOnlyList<string> ValidateMatchLabels(string path, IEnumerable<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(labels);
        var lines = new List<string>();
        foreach (var (key, value) in labels)
        {
            foreach (var msg in IsQualifiedName(key))
            {
                lines.Add(FormatInvalid(path, key, msg));
            }

            foreach (var msg in IsValidLabelValue(value ?? string.Empty))
            {
                lines.Add(FormatInvalid(path, value ?? string.Empty, msg));
            }
        }

        return lines;
    }

    /// <summary>
    /// Checks one <c>matchExpressions[]</c> entry (<paramref name="path"/> such as
    /// <c>spec.podSelector.matchExpressions[0]</c>): operator/values pairing, key, then every value.
    /// Operators are case-sensitive. Values are label-checked even when the operator forbids them.
    /// </summary>
    /// <param name="path">Field path of the requirement.</param>
    /// <param name="key">The key.</param>
    /// <param name="op">The operator as written (In, NotIn, Exists, DoesNotExist).</param>
    /// <param name="values">The values; null and empty are the same.</param>
    /// <param name="allowInvalidValues">
    /// True on an update whose stored <c>spec.podSelector</c> already fails validation: the API server then
    /// skips the value checks (for every selector of the policy).
    /// </param>
    public static IReadOnlyList<string> ValidateLabelSelectorRequirement(
        string path, string key, string op, IReadOnlyList<string>? values, bool allowInvalidValues = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(op);
        var lines = new List<string>();
        var count = values?.Count ?? 0;
        switch (op)
        {
            case "In" or "NotIn":
                if (count == 0)
                {
                    lines.Add(FormatRequired(path + ".values", ValuesRequiredForIn));
                }

                break;
            case "Exists" or "DoesNotExist":
                if (count > 0)
                {
                    lines.Add(FormatForbidden(path + ".values", ValuesForbiddenForExists));
                }

                break;
            default:
                lines.Add(FormatInvalid(path + ".operator", op, InvalidSelectorOperator));
                break;
        }

        foreach (var msg in IsQualifiedName(key))
        {
            lines.Add(FormatInvalid(path + ".key", key, msg));
        }

        if (!allowInvalidValues)
        {
            for (var i = 0; i < count; i++)
            {
                var value = values![i];
                foreach (var msg in IsValidLabelValue(value))
                {
                    lines.Add(FormatInvalid(path + ".values[" + i.ToString(CultureInfo.InvariantCulture) + "]", value, msg));
                }
            }
        }

        return lines;
    }

    /// <summary>
    /// The <c>metadata</c> name rules for a namespaced object named as a DNS subdomain (NetworkPolicy):
    /// name or generateName required, name a DNS-1123 subdomain, generateName likewise (a trailing '-'
    /// allowed), namespace a DNS-1123 label. kubectl fills an absent namespace from the context, and the
    /// API server generates the name from generateName before validating.
    /// </summary>
    public static IReadOnlyList<string> ValidateObjectMetaNames(string? name, string? generateName, string? @namespace)
    {
        var lines = new List<string>();
        if (!string.IsNullOrEmpty(generateName))
        {
            foreach (var msg in IsDns1123Subdomain(MaskTrailingDash(generateName)))
            {
                lines.Add(FormatInvalid("metadata.generateName", generateName, msg));
            }
        }

        if (string.IsNullOrEmpty(name))
        {
            lines.Add(FormatRequired("metadata.name", NameOrGenerateNameRequired));
        }
        else
        {
            foreach (var msg in IsDns1123Subdomain(name))
            {
                lines.Add(FormatInvalid("metadata.name", name, msg));
            }
        }

        if (string.IsNullOrEmpty(@namespace))
        {
            lines.Add(FormatRequired("metadata.namespace", string.Empty));
        }
        else
        {
            foreach (var msg in IsDns1123Label(@namespace))
            {
                lines.Add(FormatInvalid("metadata.namespace", @namespace, msg));
            }
        }

        return lines;
    }

    /// <summary>
    /// Annotation keys: qualified names, compared in lower case (so upper-case prefixes pass). The total
    /// size limit (256 KiB of keys plus values) is not checked here.
    /// </summary>
    public static IReadOnlyList<string> ValidateAnnotationKeys(string path, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(keys);
        var lines = new List<string>();
        foreach (var key in keys)
        {
            foreach (var msg in IsQualifiedName(key.ToLowerInvariant()))
            {
                lines.Add(FormatInvalid(path, key, msg));
            }
        }

        return lines;
    }

    // ---------------------------------------------------------------- formatting

    /// <summary><c>path: Invalid value: "value": detail</c> (string values are Go-quoted).</summary>
    public static string FormatInvalid(string path, string value, string detail) =>
        $"{path}: Invalid value: {GoQuote(value)}: {detail}";

    /// <summary><c>path: Invalid value: 79: detail</c> (numbers are printed bare).</summary>
    public static string FormatInvalid(string path, long value, string detail) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}: Invalid value: {value}: {detail}");

    /// <summary><c>path: Required value</c>, plus <c>: detail</c> when a detail is given.</summary>
    public static string FormatRequired(string path, string detail) =>
        string.IsNullOrEmpty(detail) ? $"{path}: Required value" : $"{path}: Required value: {detail}";

    /// <summary><c>path: Forbidden: detail</c> (the value is never shown).</summary>
    public static string FormatForbidden(string path, string detail) =>
        string.IsNullOrEmpty(detail) ? $"{path}: Forbidden" : $"{path}: Forbidden: {detail}";

    /// <summary><c>path: Unsupported value: "value": supported values: "A", "B"</c>.</summary>
    public static string FormatNotSupported(string path, string value, IReadOnlyList<string> supported) =>
        $"{path}: Unsupported value: {GoQuote(value)}: {SupportedValuesDetail(supported)}";

    /// <summary>
    /// What <c>kubectl create/apply</c> prints for a rejected object, e.g.
    /// <c>The NetworkPolicy "x" is invalid: spec...: ...</c>; with several errors the lines follow on
    /// separate lines prefixed "* ". Identical lines are reported once, as the API server does.
    /// </summary>
    public static string FormatKubectlInvalid(string kind, string name, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var distinct = lines.Distinct(StringComparer.Ordinal).ToList();
        var head = $"The {kind} {GoQuote(name)} is invalid";
        return distinct.Count switch
        {
            0 => head,
            1 => $"{head}: {distinct[0]}",
            _ => $"{head}: \n" + string.Concat(distinct.Select(l => "* " + l + "\n")).TrimEnd('\n'),
        };
    }

    /// <summary>The message the API server itself returns (<c>Status.message</c>), e.g. <c>NetworkPolicy.networking.k8s.io "x" is invalid: [a, b]</c>.</summary>
    public static string FormatStatusMessage(string name, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var distinct = lines.Distinct(StringComparer.Ordinal).ToList();
        var head = $"NetworkPolicy.networking.k8s.io {GoQuote(name)} is invalid";
        return distinct.Count switch
        {
            0 => head,
            1 => $"{head}: {distinct[0]}",
            _ => $"{head}: [{string.Join(", ", distinct)}]",
        };
    }

    /// <summary>Quotes a string the way Go's <c>%q</c> does (double quotes, backslash escapes).</summary>
    public static string GoQuote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            sb.Append(GoEscape(rune));
        }

        sb.Append('"');
        return sb.ToString();
    }

    // ---------------------------------------------------------------- helpers

    private static void AddCidrErrors(List<string> lines, string path, string value, CidrValidationMode mode, IReadOnlyCollection<string>? existing)
    {
        if (existing is not null && existing.Contains(value, StringComparer.Ordinal))
        {
            return;
        }

        foreach (var msg in ValidateCidr(value, out _, mode))
        {
            lines.Add(FormatInvalid(path, value, msg));
        }
    }

    private static string GoEscape(Rune rune)
    {
        var escaped = rune.Value switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\a' => "\\a",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\v' => "\\v",
            _ => null,
        };
        if (escaped is not null)
        {
            return escaped;
        }

        if (rune.Value == ' ' || IsGoPrintable(Rune.GetUnicodeCategory(rune)))
        {
            return rune.ToString();
        }

        return rune.Value switch
        {
            < 0x80 => string.Create(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}"),
            <= 0xFFFF => string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}"),
        };
    }

    // Go's unicode.IsPrint: letters, marks, numbers, punctuation and symbols (plus ASCII space).
    private static bool IsGoPrintable(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation
        or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (string.Equals(item, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string SupportedValuesDetail(IReadOnlyList<string> supported) =>
        "supported values: " + string.Join(", ", supported.Select(GoQuote));

    private static string MaskTrailingDash(string name) =>
        name.Length > 1 && name[^1] == '-' ? name[..^2] + "a" : name;

    private static int ByteLength(string value) => Encoding.UTF8.GetByteCount(value);

    // Newer apimachinery (validate/content) words length errors in bytes.
    private static string MaxLengthError(int max) =>
        string.Create(CultureInfo.InvariantCulture, $"must be no more than {max} bytes");

    private static string RegexError(string message, string format, params string[] examples)
    {
        var sb = new StringBuilder(message);
        if (examples.Length == 0)
        {
            return sb.Append(" (regex used for validation is '").Append(format).Append("')").ToString();
        }

        sb.Append(" (e.g. ");
        for (var i = 0; i < examples.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(" or ");
            }

            sb.Append('\'').Append(examples[i]).Append("', ");
        }

        return sb.Append("regex used for validation is '").Append(format).Append("')").ToString();
    }

    private static bool IsLowerAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool IsAlnum(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool MatchesDnsLabel(ReadOnlySpan<char> value)
    {
        if (value.Length == 0 || !IsLowerAlnum(value[0]) || !IsLowerAlnum(value[^1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsLowerAlnum(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesDnsSubdomain(string value)
    {
        var rest = value.AsSpan();
        while (true)
        {
            var dot = rest.IndexOf('.');
            if (dot < 0)
            {
                return MatchesDnsLabel(rest);
            }

            if (!MatchesDnsLabel(rest[..dot]))
            {
                return false;
            }

            rest = rest[(dot + 1)..];
        }
    }

    private static bool MatchesLabelKeyName(string value)
    {
        if (value.Length == 0 || !IsAlnum(value[0]) || !IsAlnum(value[^1]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!IsAlnum(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    // ---- CIDR parsing with the semantics of k8s.io/utils/net ParseCIDRSloppy (Go 1.16 net.ParseCIDR)
    // plus the extra rules of Go's netip.ParsePrefix used by strict validation.

    private sealed record SloppyCidr(byte[] Address, int PrefixLength, bool NonStrictSyntax)
    {
        public byte[] Network { get; } = Mask(Address, PrefixLength);

        public bool HasHostBits => !Address.AsSpan().SequenceEqual(Network);

        public byte[] MaskBytes => Mask(Enumerable.Repeat((byte)0xff, Address.Length).ToArray(), PrefixLength);
    }

    private static byte[] Mask(byte[] address, int prefix)
    {
        var result = new byte[address.Length];
        for (var i = 0; i < address.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            result[i] = (byte)(address[i] & (byte)(0xff << (8 - bits)));
        }

        return result;
    }

    private static bool TryParseSloppyCidr(string value, out SloppyCidr parsed)
    {
        parsed = null!;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        var addr = value.AsSpan(0, slash);
        var mask = value.AsSpan(slash + 1);
        bool nonStrict;
        if (!TryParseIPv4(addr, out var ip, out nonStrict) && !TryParseIPv6(addr, out ip, out nonStrict))
        {
            return false;
        }

        if (!TryParseDecimal(mask, out var bits, out var consumed) || consumed != mask.Length || bits > ip.Length * 8)
        {
            return false;
        }

        if (mask.Length > 1 && mask[0] == '0')
        {
            nonStrict = true;
        }

        parsed = new SloppyCidr(ip, bits, nonStrict);
        return true;
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> s, out int value, out int consumed)
    {
        value = 0;
        consumed = 0;
        while (consumed < s.Length && s[consumed] is >= '0' and <= '9')
        {
            value = (value * 10) + (s[consumed] - '0');
            consumed++;
            if (value >= 0xFFFFFF)
            {
                return false;
            }
        }

        return consumed > 0;
    }

    private static bool TryParseIPv4(ReadOnlySpan<char> s, out byte[] ip, out bool leadingZero)
    {
        ip = new byte[4];
        leadingZero = false;
        for (var i = 0; i < 4; i++)
        {
            if (s.Length == 0)
            {
                return false;
            }

            if (i > 0)
            {
                if (s[0] != '.')
                {
                    return false;
                }

                s = s[1..];
            }

            if (!TryParseDecimal(s, out var n, out var c) || n > 0xFF)
            {
                return false;
            }

            if (c > 1 && s[0] == '0')
            {
                leadingZero = true;
            }

            ip[i] = (byte)n;
            s = s[c..];
        }

        return s.Length == 0;
    }

    private static bool TryParseHex(ReadOnlySpan<char> s, out int value, out int consumed)
    {
        value = 0;
        consumed = 0;
        while (consumed < s.Length)
        {
            var d = s[consumed] switch
            {
                >= '0' and <= '9' => s[consumed] - '0',
                >= 'a' and <= 'f' => s[consumed] - 'a' + 10,
                >= 'A' and <= 'F' => s[consumed] - 'A' + 10,
                _ => -1,
            };
            if (d < 0)
            {
                break;
            }

            value = (value * 16) + d;
            consumed++;
            if (value >= 0xFFFFFF)
            {
                return false;
            }
        }

        return consumed > 0;
    }

    private static bool TryParseIPv6(ReadOnlySpan<char> s, out byte[] ip, out bool nonStrict)
    {
        ip = new byte[16];
        nonStrict = false;
        var ellipsis = -1;
        if (s.Length >= 2 && s[0] == ':' && s[1] == ':')
        {
            ellipsis = 0;
            s = s[2..];
            if (s.Length == 0)
            {
                return true;
            }
        }

        var i = 0;
        while (i < 16)
        {
            if (!TryParseHex(s, out var n, out var c) || n > 0xFFFF)
            {
                return false;
            }

            if (c < s.Length && s[c] == '.')
            {
                if ((ellipsis < 0 && i != 12) || i + 4 > 16)
                {
                    return false;
                }

                if (!TryParseIPv4(s, out var v4, out var v4LeadingZero))
                {
                    return false;
                }

                nonStrict |= v4LeadingZero;
                v4.CopyTo(ip, i);
                s = [];
                i += 4;
                break;
            }

            if (c > 4)
            {
                nonStrict = true;
            }

            ip[i] = (byte)(n >> 8);
            ip[i + 1] = (byte)n;
            i += 2;
            s = s[c..];
            if (s.Length == 0)
            {
                break;
            }

            if (s[0] != ':' || s.Length == 1)
            {
                return false;
            }

            s = s[1..];
            if (s[0] == ':')
            {
                if (ellipsis >= 0)
                {
                    return false;
                }

                ellipsis = i;
                s = s[1..];
                if (s.Length == 0)
                {
                    break;
                }
            }
        }

        if (s.Length != 0)
        {
            return false;
        }

        if (i < 16)
        {
            if (ellipsis < 0)
            {
                return false;
            }

            var shift = 16 - i;
            for (var j = i - 1; j >= ellipsis; j--)
            {
                ip[j + shift] = ip[j];
            }

            for (var j = ellipsis + shift - 1; j >= ellipsis; j--)
            {
                ip[j] = 0;
            }
        }
        else if (ellipsis >= 0)
        {
            return false;
        }

        return true;
    }

    private static bool IsIPv4Mapped(byte[] ip)
    {
        for (var i = 0; i < 10; i++)
        {
            if (ip[i] != 0)
            {
                return false;
            }
        }

        return ip[10] == 0xff && ip[11] == 0xff;
    }

    private static byte[]? To4(byte[] ip) =>
        ip.Length == 4 ? ip : ip.Length == 16 && IsIPv4Mapped(ip) ? ip[12..] : null;

    // Go's (*net.IPNet).Contains, including its treatment of IPv4-mapped IPv6 as IPv4.
    private static bool GoNetContains(SloppyCidr net, byte[] candidate)
    {
        var nn = To4(net.Network) ?? net.Network;
        var mask = net.MaskBytes;
        if (mask.Length == 4 && nn.Length != 4)
        {
            return false;
        }

        if (mask.Length == 16 && nn.Length == 4)
        {
            mask = mask[12..];
        }

        var ip = To4(candidate) ?? candidate;
        if (ip.Length != nn.Length)
        {
            return false;
        }

        for (var i = 0; i < ip.Length; i++)
        {
            if ((nn[i] & mask[i]) != (ip[i] & mask[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Go's (*net.IPNet).String.
    private static string GoNetworkString(SloppyCidr parsed)
    {
        var bits = parsed.PrefixLength;
        if (parsed.Network.Length == 16 && IsIPv4Mapped(parsed.Network))
        {
            bits -= 96;
        }

        return GoIPString(parsed.Network) + "/" + bits.ToString(CultureInfo.InvariantCulture);
    }

    // Go's net.IP.String: IPv4 and IPv4-mapped IPv6 print dotted.
    private static string GoIPString(byte[] ip) =>
        To4(ip) is { } v4 ? string.Join('.', v4.Select(b => b.ToString(CultureInfo.InvariantCulture))) : FormatIPv6(ip);

    // RFC 5952 text as Go's netip.Addr.String prints it.
    private static string FormatIPv6(byte[] ip)
    {
        if (IsIPv4Mapped(ip))
        {
            return "::ffff:" + string.Join('.', ip[12..].Select(b => b.ToString(CultureInfo.InvariantCulture)));
        }

        int bestStart = -1, bestEnd = -1;
        for (var i = 0; i < 16; i += 2)
        {
            var j = i;
            while (j < 16 && ip[j] == 0 && ip[j + 1] == 0)
            {
                j += 2;
            }

            if (j > i && j - i > bestEnd - bestStart)
            {
                bestStart = i;
                bestEnd = j;
                i = j;
            }
        }

        if (bestEnd - bestStart <= 2)
        {
            bestStart = bestEnd = -1;
        }

        var sb = new StringBuilder(39);
        for (var i = 0; i < 16; i += 2)
        {
            if (i == bestStart)
            {
                sb.Append("::");
                i = bestEnd;
                if (i >= 16)
                {
                    break;
                }
            }
            else if (i > 0)
            {
                sb.Append(':');
            }

            sb.Append(((ip[i] << 8) | ip[i + 1]).ToString("x", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
