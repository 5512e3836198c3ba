namespace Netpol.Core.Model;

/// <summary>
/// A NetworkPolicy after validation. <see cref="AffectsIngress"/> and <see cref="AffectsEgress"/> are the effective
/// policyTypes: when policyTypes is absent or empty, Ingress always and Egress when the spec has at least one egress rule.
/// Rules of a direction the policy does not affect are dropped at load (they never apply).
/// </summary>
public sealed record NetworkPolicy(
    string Namespace,
    string Name,
    LabelSelector PodSelector,
    bool AffectsIngress,
    bool AffectsEgress,
    IReadOnlyList<PolicyRule> Ingress,
    IReadOnlyList<PolicyRule> Egress,
    SourceLocation? Source = null)
{
    /// <summary><c>namespace/name</c>.</summary>
    public string FullName => $"{Namespace}/{Name}";

    /// <summary>True when the policy affects the direction.</summary>
    public bool Affects(Direction direction) => direction == Direction.Ingress ? AffectsIngress : AffectsEgress;

    /// <summary>The rules of a direction.</summary>
    public IReadOnlyList<PolicyRule> Rules(Direction direction) => direction == Direction.Ingress ? Ingress : Egress;

    /// <summary><c>metadata.annotations</c>.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = ObjectMetadata.NoAnnotations;

    /// <summary><c>spec.policyTypes</c> as written: null when absent (then defaulted from the rules).</summary>
    public IReadOnlyList<string>? DeclaredPolicyTypes { get; init; }

    /// <summary>
    /// Rules written for a direction that <c>policyTypes</c> leaves out: the API server keeps them, but they never
    /// apply. Kept so that lint can point at them.
    /// </summary>
    public IReadOnlyList<PolicyRule> IgnoredRules(Direction direction) => direction == Direction.Ingress ? IgnoredIngress : IgnoredEgress;

    /// <summary>Ingress rules that never apply because policyTypes omits Ingress.</summary>
    public IReadOnlyList<PolicyRule> IgnoredIngress { get; init; } = [];

    /// <summary>Egress rules that never apply because policyTypes omits Egress.</summary>
    public IReadOnlyList<PolicyRule> IgnoredEgress { get; init; } = [];

    /// <summary>Where fields were written, by field path (<c>spec.ingress[0].from[1]</c>), when loaded from a file.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations { get; init; } = ObjectMetadata.NoLocations;

    /// <summary>
    /// The location of a field path, or of its nearest written parent, or of the object itself.
    /// </summary>
    public SourceLocation? LocationOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var p = path;
        while (p.Length > 0)
        {
            if (Locations.TryGetValue(p, out var at))
            {
                return at;
            }

            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut <= 0 ? string.Empty : p[..cut];
        }

        return Source;
    }
}
