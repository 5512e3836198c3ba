namespace Netpol.Analysis.Audit;

/// <summary>A workload (or pod without owner) of the manifests that sent or received no observed flow.</summary>
/// <param name="Name">As netpol names workloads: <c>ns/deploy/web</c>, <c>ns/cronjob/backup</c>, <c>ns/pod</c>.</param>
/// <param name="Kind">The workload's kind (<c>CronJob</c>, <c>Deployment</c>, ...), null for a pod without owner.</param>
public sealed record SilentWorkload(string Name, string? Kind)
{
    /// <summary>True for kinds that run now and then (Job, CronJob): silence in a window says even less about them.</summary>
    public bool RunsOccasionally => Kind is "CronJob" or "Job";
}
