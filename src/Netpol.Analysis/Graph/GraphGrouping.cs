namespace Netpol.Analysis.Graph;

/// <summary>What one node of the graph stands for.</summary>
public enum GraphGrouping
{
    /// <summary>The pods of one workload: by owner, else by the <c>app</c> / <c>app.kubernetes.io/name</c> label, else one pod.</summary>
    Workload,

    /// <summary>One pod (or one workload's synthetic pod).</summary>
    Pod,

    /// <summary>All pods of a namespace.</summary>
    Namespace,
}
