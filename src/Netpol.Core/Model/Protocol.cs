namespace Netpol.Core.Model;

/// <summary>A transport protocol a NetworkPolicy port can name.</summary>
public enum Protocol
{
    /// <summary>TCP, the default when a port names no protocol.</summary>
    TCP,

    /// <summary>UDP.</summary>
    UDP,

    /// <summary>SCTP.</summary>
    SCTP,
}
