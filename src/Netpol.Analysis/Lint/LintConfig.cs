using Netpol.Core.Diagnostics;

namespace Netpol.Analysis.Lint;

/// <summary>
/// The lint configuration (<c>.netpol.yaml</c>): rules switched off or back on, severities changed, and the
/// namespaces whose pods the coverage rules leave alone (the system namespaces by default).
/// </summary>
public sealed record LintConfig
{
    /// <summary>The namespaces excluded from the coverage rules when the configuration names none.</summary>
    public static readonly IReadOnlyList<string> SystemNamespaces = ["kube-node-lease", "kube-public", "kube-system"];

    /// <summary>Every rule on, default severities, the system namespaces excluded.</summary>
    public static LintConfig Default { get; } = new();

    /// <summary>Rule ids switched off; <c>all</c> switches every rule off (then <see cref="Enable"/> picks some).</summary>
    public IReadOnlySet<string> Disable { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Rule ids switched on even when <see cref="Disable"/> names them or <c>all</c>.</summary>
    public IReadOnlySet<string> Enable { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Severity per rule id, replacing the default.</summary>
    public IReadOnlyDictionary<string, Severity> Severities { get; init; } = new Dictionary<string, Severity>(StringComparer.Ordinal);

    /// <summary>
    /// Namespaces where pod coverage is not expected (no-default-deny-*, unprotected-pod, pod-without-labels,
    /// dns-*): by default kube-system, kube-public and kube-node-lease.
    /// </summary>
    public IReadOnlySet<string> ExcludedNamespaces { get; init; } = new HashSet<string>(SystemNamespaces, StringComparer.Ordinal);

    /// <summary>True when the rule runs.</summary>
    public bool IsEnabled(string ruleId) =>
        Enable.Contains(ruleId) || (!Disable.Contains(ruleId) && !Disable.Contains("all"));

    /// <summary>The severity the rule's findings get.</summary>
    public Severity SeverityOf(LintRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Severities.TryGetValue(rule.Id, out var s) ? s : rule.DefaultSeverity;
    }
}
