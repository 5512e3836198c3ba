namespace Netpol.Core.Explain;

/// <summary>Whether policies restrict an endpoint in a direction, and if not, why not.</summary>
public enum IsolationStatus
{
    /// <summary>An address outside the cluster's pods: NetworkPolicy does not restrict its side.</summary>
    External,

    /// <summary>A hostNetwork pod: not subject to NetworkPolicy.</summary>
    HostNetwork,

    /// <summary>No policy selects the pod for the direction: everything is allowed that way.</summary>
    NotIsolated,

    /// <summary>At least one policy selects the pod for the direction: only what they allow passes.</summary>
    Isolated,
}
