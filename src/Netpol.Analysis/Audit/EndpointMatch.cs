using Netpol.Core.Model;

namespace Netpol.Analysis.Audit;

/// <summary>
/// What a flow's endpoint stands for: a pod (real, or a workload's synthetic pod) or an external address, and how
/// that was decided; or, for an unknown endpoint, why nothing matched.
/// </summary>
public sealed record EndpointMatch(MatchMethod Method, Endpoint? Endpoint, string? Reason = null)
{
    /// <summary>True when the endpoint matched nothing and cannot be evaluated.</summary>
    public bool IsUnknown => Endpoint is null;
}
