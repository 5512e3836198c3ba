namespace Netpol.Core.Model;

/// <summary>What a ClusterNetworkPolicy rule does with the traffic it matches.</summary>
public enum ClusterRuleAction
{
    /// <summary>Allows the traffic for this direction; no later rule of any tier is consulted for it.</summary>
    Accept,

    /// <summary>Drops the traffic; no later rule of any tier is consulted for it.</summary>
    Deny,

    /// <summary>Skips the rest of the current tier: evaluation continues with the next tier.</summary>
    Pass,
}
