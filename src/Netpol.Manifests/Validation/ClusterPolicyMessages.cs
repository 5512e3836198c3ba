namespace Netpol.Manifests.Validation;

/// <summary>
/// The messages of ClusterNetworkPolicy, AdminNetworkPolicy and BaselineAdminNetworkPolicy validation, worded after
/// the CRD schemas' rules (tests assert on the codes).
/// </summary>
internal static class ClusterPolicyMessages
{
    public const int MaxRules = 25;
    public const int MaxItems = 25;
    public const int MaxRuleName = 100;
    public const int MaxPriority = 1000;

    public static string Required => "Required value";

    public static string PriorityRange(long value) => $"Invalid value: {value}: must be between 0 and {MaxPriority}, inclusive";

    // The CRDs say "exactly one" with minProperties: 1 and maxProperties: 1, not with a CEL message, so the API
    // server words these as schema errors; netpol adds which fields are meant.
    public static string NoneOf(string path, IEnumerable<string> fields) =>
        $"Invalid value: \"object\": {path} in body should have at least 1 properties (set exactly one of: {Fields(fields)})";

    public static string MoreThanOne(int count, IEnumerable<string> fields) =>
        $"Too many: {count}: must have at most 1 items (set exactly one of: {Fields(fields)})";

    // The CEL rule isCIDR(self) of the CIDR type, with its own message.
    public static string InvalidCidr(string value) => $"Invalid value: \"{value}\": Invalid CIDR format provided";

    public static string TooLongBytes(int length, int max) => $"Too long: may not be more than {max} bytes (got {length})";

    public static string TooMany(int count, int max) => $"Too many: {count}: must have at most {max} items";

    public static string TooFew => "must have at least 1 item";

    public static string TooLong(int length, int max) => $"Too long: may not be longer than {max} (got {length})";

    public static string Unsupported(string value, IEnumerable<string> supported) =>
        $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}";

    public static string PassInBaseline => "Pass is not allowed in the Baseline tier: there is no later tier to pass to";

    public static string NamedPortWithAddressPeer => "networks/nodes/domainNames peer cannot be set with named ports since there are no named ports for networks/nodes/domainNames";

    public static string BaselineName => "Invalid value: only one BaselineAdminNetworkPolicy may exist, and it must be named \"default\"";

    public static string RangeOrder => "Start port must be less than End port";

    public static string DomainName(string value) => $"Invalid value: \"{value}\": must be a domain name such as example.com or *.example.com";

    private static string Fields(IEnumerable<string> fields) => string.Join(", ", fields.Select(f => $"`{f}`"));
}
