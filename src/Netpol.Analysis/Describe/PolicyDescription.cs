using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>What <c>netpol describe policy</c> shows: the pods the policy selects and what each of its rules admits.</summary>
/// <param name="Name"><c>namespace/name</c>.</param>
/// <param name="Namespace">The namespace.</param>
/// <param name="PodSelector">The podSelector (<c>{}</c>: every pod of the namespace).</param>
/// <param name="AffectsIngress">The effective policyTypes include Ingress.</param>
/// <param name="AffectsEgress">The effective policyTypes include Egress.</param>
/// <param name="SelectedPods">The pods it selects, in cluster order.</param>
/// <param name="HostNetworkPods">Pods its podSelector matches that use hostNetwork: NetworkPolicy does not apply to them.</param>
/// <param name="Rules">Its rules, ingress first, in order.</param>
public sealed record PolicyDescription(
    string Name,
    string Namespace,
    LabelSelector PodSelector,
    bool AffectsIngress,
    bool AffectsEgress,
    IReadOnlyList<string> SelectedPods,
    IReadOnlyList<string> HostNetworkPods,
    IReadOnlyList<RuleDescription> Rules)
{
    /// <summary>True when the policy selects no pod of the input, so it isolates nothing.</summary>
    public bool SelectsNothing => SelectedPods.Count == 0;

    /// <summary>True when the policy affects the direction.</summary>
    public bool Affects(Direction direction) => direction == Direction.Ingress ? AffectsIngress : AffectsEgress;

    /// <summary>True when the policy affects the direction and has no rule for it: the selected pods allow nothing that way.</summary>
    public bool DeniesAll(Direction direction) => Affects(direction) && !RulesOf(direction).Any();

    /// <summary>The rules of a direction.</summary>
    public IEnumerable<RuleDescription> RulesOf(Direction direction) => Rules.Where(r => r.Direction == direction);
}
