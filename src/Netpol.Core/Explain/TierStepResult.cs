namespace Netpol.Core.Explain;

/// <summary>How one cluster network policy rule fared against the probed port of a connection.</summary>
public enum TierStepResult
{
    /// <summary>A peer matched and the rule's ports include the port: its action decides (Accept, Deny) or passes it on (Pass).</summary>
    Matched,

    /// <summary>The rule's ports include the port, but no peer matches the other end.</summary>
    PeerNotMatched,

    /// <summary>The rule's ports do not include the port (whatever its peers).</summary>
    PortNotMatched,

    /// <summary>
    /// The rule's ports include the port, no other peer matches, and a <c>domainNames</c> peer could: that depends on
    /// DNS at run time, so the rule counts as not matching and the verdict depends on DNS.
    /// </summary>
    DependsOnDns,
}
