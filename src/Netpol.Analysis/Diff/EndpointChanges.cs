namespace Netpol.Analysis.Diff;

/// <summary>
/// Endpoints (workloads or pods, sorted) that exist on one side only. Their connections are not compared: a new
/// workload's connections are not "gained", a deleted one's are not "lost".
/// </summary>
public sealed record EndpointChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Removed);
