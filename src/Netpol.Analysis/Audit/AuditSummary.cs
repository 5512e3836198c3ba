using Netpol.Manifests.Flows;

namespace Netpol.Analysis.Audit;

/// <summary>The totals of an audit. Every flow read is skipped, unknown (an end matched nothing), allowed or denied.</summary>
/// <param name="Flows">Flows read, skipped ones included (CSV counts summed).</param>
/// <param name="Allowed">Flows the policies would allow.</param>
/// <param name="Denied">Flows the policies would deny.</param>
/// <param name="Skipped">Replies and flows without a port, and lines that were no flow.</param>
/// <param name="UnknownFlows">Flows not evaluated because an end matched nothing in the manifests.</param>
/// <param name="UnknownEndpoints">The distinct endpoints that matched nothing.</param>
/// <param name="From">The earliest flow time, when the log has times.</param>
/// <param name="To">The latest flow time, when the log has times.</param>
public sealed record AuditSummary(
    long Flows,
    long Allowed,
    long Denied,
    FlowSkips Skipped,
    long UnknownFlows,
    int UnknownEndpoints,
    DateTimeOffset? From,
    DateTimeOffset? To);
