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
}
