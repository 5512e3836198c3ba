using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>
/// One direction of a described pod: whether policies isolate it and which, the pods on the other side with the
/// ports both sides' policies allow (ingress: who may reach it; egress: whom it may reach; the pod itself left out,
/// as a pod may always reach itself), and what addresses outside the pods it admits.
/// </summary>
/// <param name="Direction">Ingress or egress.</param>
/// <param name="Isolated">True when some policy selects the pod for the direction (never for hostNetwork pods).</param>
/// <param name="Policies">The names of the selecting policies.</param>
/// <param name="Peers">Pods with an allowed connection, grouped by their allowed ports.</param>
/// <param name="AnyAddress">True when the pod is not isolated: every address, on every port.</param>
/// <param name="AddressRules">When isolated: the rules of the selecting policies that admit addresses.</param>
public sealed record PodDirection(
    Direction Direction,
    bool Isolated,
    IReadOnlyList<string> Policies,
    IReadOnlyList<PeerGroup> Peers,
    bool AnyAddress,
    IReadOnlyList<AddressRule> AddressRules)
{
    /// <summary>
    /// The cluster network policies with rules for the direction that select the pod, in evaluation order (Admin by
    /// priority, then Baseline); empty when the input has none.
    /// </summary>
    public IReadOnlyList<ClusterPolicyDescription> ClusterPolicies { get; init; } = [];
}
