namespace Netpol.Core.Model;

/// <summary>
/// Labels a controller sets on the pods it creates (Deployment, StatefulSet, DaemonSet, Job). They are on no pod
/// template, change with every rollout, and say nothing about what the pod is: never select by them.
/// </summary>
public static class ControllerLabels
{
    /// <summary>The label keys.</summary>
    public static IReadOnlySet<string> Keys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "pod-template-hash",
        "controller-revision-hash",
        "pod-template-generation",
        "statefulset.kubernetes.io/pod-name",
        "apps.kubernetes.io/pod-index",
        "controller-uid",
        "job-name",
        "batch.kubernetes.io/controller-uid",
        "batch.kubernetes.io/job-name",
        "batch.kubernetes.io/job-completion-index",
    };

    /// <summary>True when a controller sets this label key.</summary>
    public static bool Contains(string key) => Keys.Contains(key);
}
