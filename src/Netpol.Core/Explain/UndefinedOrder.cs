using Netpol.Core.Model;

namespace Netpol.Core.Explain;

/// <summary>
/// Two cluster network policies of the same tier and priority that both select a side's subject and both have a rule
/// matching the connection, with different actions. The API leaves their order undefined: netpol applies them by name
/// (<paramref name="First"/> before <paramref name="Second"/>); this records what the connection gets the other way.
/// </summary>
/// <param name="Direction">The side whose subject both select.</param>
/// <param name="Tier">Their tier.</param>
/// <param name="Priority">Their shared priority.</param>
/// <param name="First">The policy netpol applies first (name order).</param>
/// <param name="FirstAction">The action of the first rule of <paramref name="First"/> that matches the connection.</param>
/// <param name="Second">The policy netpol applies second.</param>
/// <param name="SecondAction">The action of the first rule of <paramref name="Second"/> that matches the connection.</param>
/// <param name="AlternativeAllowed">Whether the connection (both sides) is allowed on the probed port with the two swapped.</param>
/// <param name="AlternativePorts">The ports the connection allows with the two swapped.</param>
public sealed record UndefinedOrder(
    Direction Direction,
    ClusterPolicyTier Tier,
    int Priority,
    ClusterNetworkPolicy First,
    ClusterRuleAction FirstAction,
    ClusterNetworkPolicy Second,
    ClusterRuleAction SecondAction,
    bool AlternativeAllowed,
    PortSet AlternativePorts);
