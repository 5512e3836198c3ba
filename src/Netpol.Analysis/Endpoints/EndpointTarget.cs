using Netpol.Core.Model;

namespace Netpol.Analysis.Endpoints;

/// <summary>
/// A concrete endpoint a user named, with the port to probe on it when that depends on the endpoint
/// (a Service's targetPort resolves per backing pod).
/// </summary>
public sealed record EndpointTarget(Endpoint Endpoint, int? Port, Protocol? Protocol, string? Via)
{
    /// <summary>
    /// The Service port the connection was addressed to, when the endpoint was named through a Service (the packet
    /// leaves the source with this port; <see cref="Port"/> is what it becomes after the Service's DNAT).
    /// </summary>
    public int? ServicePort { get; init; }
}
