using Netpol.Core.Model;

namespace Netpol.Analysis.Lint;

/// <summary>Pods of one workload get one finding: helpers to group them and to name them in messages.</summary>
internal static class Workloads
{
    /// <summary>One pod per workload (owner), in cluster order; pods without an owner stand for themselves.</summary>
    public static IEnumerable<Pod> Representatives(IEnumerable<Pod> pods) => pods.DistinctBy(Key);

    /// <summary>The grouping key: namespace and owner, else the pod itself.</summary>
    public static (string, string) Key(Pod pod) => (pod.Namespace, pod.Owner ?? pod.Name);

    /// <summary>The pod's labels as a selector, for "a policy selecting app=web".</summary>
    public static string Describe(Pod pod) =>
        pod.Labels.Count == 0 ? pod.FullName : string.Join(",", pod.Labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}
