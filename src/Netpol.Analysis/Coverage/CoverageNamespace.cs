using Netpol.Core.Model;

namespace Netpol.Analysis.Coverage;

/// <summary>
/// Coverage of one namespace. A namespace has a default deny for a direction when one of its policies affects that
/// direction with an empty podSelector <c>{}</c>: it isolates every pod of the namespace, present and future, whatever
/// its labels. A policy whose selector happens to match every pod of today (say <c>app: x</c>) is not one: a new pod
/// without that label would be open. (hostNetwork pods stay open even then: NetworkPolicy does not apply to them.)
/// </summary>
/// <param name="Name">The namespace.</param>
/// <param name="Counts">Its pod counts.</param>
/// <param name="Policies">The names of its policies, sorted.</param>
/// <param name="DefaultDenyIngressPolicies">Its policies with podSelector <c>{}</c> that affect ingress.</param>
/// <param name="DefaultDenyEgressPolicies">Its policies with podSelector <c>{}</c> that affect egress.</param>
public sealed record CoverageNamespace(
    string Name,
    CoverageCounts Counts,
    IReadOnlyList<string> Policies,
    IReadOnlyList<string> DefaultDenyIngressPolicies,
    IReadOnlyList<string> DefaultDenyEgressPolicies)
{
    /// <summary>True when a policy with podSelector <c>{}</c> isolates every pod of the namespace for ingress.</summary>
    public bool DefaultDenyIngress => DefaultDenyIngressPolicies.Count > 0;

    /// <summary>True when a policy with podSelector <c>{}</c> isolates every pod of the namespace for egress.</summary>
    public bool DefaultDenyEgress => DefaultDenyEgressPolicies.Count > 0;

    /// <summary>True when the namespace has a default deny for the direction.</summary>
    public bool HasDefaultDeny(Direction direction) => direction == Direction.Ingress ? DefaultDenyIngress : DefaultDenyEgress;

    /// <summary>The default-deny policies of the direction.</summary>
    public IReadOnlyList<string> DefaultDenyPolicies(Direction direction) =>
        direction == Direction.Ingress ? DefaultDenyIngressPolicies : DefaultDenyEgressPolicies;

    /// <summary>
    /// True when every pod of today is isolated for the direction but no default deny covers the namespace: a new pod
    /// that no selector matches would be open.
    /// </summary>
    public bool IsCoveredWithoutDefaultDeny(Direction direction) =>
        Counts.Pods > 0 && Counts.Isolated(direction) == Counts.Pods && !HasDefaultDeny(direction);
}
