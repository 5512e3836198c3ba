using Netpol.Core.Model;

namespace Netpol.Core.Engine;

/// <summary>Answers which ports a connection from one endpoint to another may use.</summary>
public interface IConnectivityEngine
{
    /// <summary>The cluster the engine answers for.</summary>
    Cluster Cluster { get; }

    /// <summary>
    /// The (protocol, port) pairs on which <paramref name="from"/> may open a connection to <paramref name="to"/>:
    /// the source's egress AND the destination's ingress must both allow it.
    /// </summary>
    PortSet AllowedPorts(Endpoint from, Endpoint to);
}
