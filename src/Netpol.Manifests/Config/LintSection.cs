namespace Netpol.Manifests.Config;

/// <summary>
/// The <c>lint:</c> section of <c>.netpol.yaml</c>, as written (unchecked against the rule catalogue, which the
/// caller knows): rules to disable and enable, severities per rule, excluded namespaces, the failure threshold,
/// DNS addresses and pod ranges.
/// </summary>
public sealed record LintSection
{
    /// <summary><c>disable: [rule, ...]</c> (<c>all</c> switches every rule off).</summary>
    public IReadOnlyList<ConfigValue> Disable { get; init; } = [];

    /// <summary><c>enable: [rule, ...]</c>.</summary>
    public IReadOnlyList<ConfigValue> Enable { get; init; } = [];

    /// <summary><c>severity: {rule: error|warning|info}</c>.</summary>
    public IReadOnlyList<(ConfigValue Rule, ConfigValue Severity)> Severity { get; init; } = [];

    /// <summary><c>excludeNamespaces: [...]</c>, or null to keep the default.</summary>
    public IReadOnlyList<ConfigValue>? ExcludeNamespaces { get; init; }

    /// <summary><c>failOn: error|warning|info</c>.</summary>
    public ConfigValue? FailOn { get; init; }

    /// <summary><c>dnsIPs: [...]</c>.</summary>
    public IReadOnlyList<ConfigValue> DnsIPs { get; init; } = [];

    /// <summary><c>podCIDRs: [...]</c>.</summary>
    public IReadOnlyList<ConfigValue> PodCidrs { get; init; } = [];
}
