namespace Netpol.Core.Profiles;

/// <summary>
/// One way a network plugin is known to depart from upstream NetworkPolicy semantics as netpol evaluates them
/// (the <c>portable</c> profile). Each behaviour that can change a verdict is applied by <see cref="ProfiledCluster"/>;
/// the last three are only reported (by lint), because netpol's verdicts do not model what they depend on.
/// </summary>
public enum CniBehaviour
{
    /// <summary>No NetworkPolicy and no cluster network policy is enforced: every connection is allowed.</summary>
    PoliciesNotEnforced,

    /// <summary>An ipBlock (or ClusterNetworkPolicy <c>networks</c> peer) never matches a pod's IP: pods are known by identity, not address.</summary>
    IPBlockIgnoresPodIPs,

    /// <summary>An ipBlock never matches a node's address, so hostNetwork pods (which use it) are not matched by CIDR.</summary>
    IPBlockIgnoresNodeIPs,

    /// <summary>Traffic from a pod's own node (a hostNetwork pod or the node address on that node) is allowed whatever the policies say.</summary>
    NodeToLocalPodAllowed,

    /// <summary>SCTP is not carried or enforced in the default configuration: SCTP connections are denied.</summary>
    SctpUnsupported,

    /// <summary>An ipBlock peer of a rule that lists a named port is skipped (the named port cannot be resolved for an address).</summary>
    IPBlockWithNamedPortIgnored,

    /// <summary>Some kinds of cluster network policy (ClusterNetworkPolicy, AdminNetworkPolicy) are not implemented and have no effect.</summary>
    ClusterPolicyKindIgnored,

    /// <summary>Reported only: egress is enforced before Service DNAT, so a Service's port must equal its target port.</summary>
    ServicePortMustEqualTargetPort,

    /// <summary>Reported only: whether named ports in NetworkPolicy are honoured is uncertain.</summary>
    NamedPortsUncertain,

    /// <summary>Reported only: older releases ignore <c>endPort</c> and enforce the single <c>port</c>.</summary>
    EndPortVersionDependent,
}
