namespace Netpol.Core.Model;

/// <summary>The workload kinds whose pod template becomes a synthetic pod, their API groups and short names.</summary>
public static class WorkloadKinds
{
    /// <summary>Kind to (apiVersion, short name used in <c>ns/short/name</c>).</summary>
    public static IReadOnlyDictionary<string, (string ApiVersion, string Short)> ByKind { get; } =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["Deployment"] = ("apps/v1", "deploy"),
            ["StatefulSet"] = ("apps/v1", "sts"),
            ["DaemonSet"] = ("apps/v1", "ds"),
            ["ReplicaSet"] = ("apps/v1", "rs"),
            ["ReplicationController"] = ("v1", "rc"),
            ["Job"] = ("batch/v1", "job"),
            ["CronJob"] = ("batch/v1", "cronjob"),
        };

    /// <summary>Every word accepted for a workload kind in endpoint names, mapped to its short name.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["deploy"] = "deploy",
        ["deployment"] = "deploy",
        ["deployments"] = "deploy",
        ["sts"] = "sts",
        ["statefulset"] = "sts",
        ["statefulsets"] = "sts",
        ["ds"] = "ds",
        ["daemonset"] = "ds",
        ["daemonsets"] = "ds",
        ["rs"] = "rs",
        ["replicaset"] = "rs",
        ["replicasets"] = "rs",
        ["rc"] = "rc",
        ["replicationcontroller"] = "rc",
        ["replicationcontrollers"] = "rc",
        ["job"] = "job",
        ["jobs"] = "job",
        ["cronjob"] = "cronjob",
        ["cronjobs"] = "cronjob",
        ["cj"] = "cronjob",
    };
}
