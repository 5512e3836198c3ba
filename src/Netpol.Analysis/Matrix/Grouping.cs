namespace Netpol.Analysis.Matrix;

/// <summary>What a row and column of the matrix stand for.</summary>
public enum Grouping
{
    /// <summary>One pod (or one workload's synthetic pod).</summary>
    Pod,

    /// <summary>The pods of one workload together (owner references, else the pod itself).</summary>
    Workload,
}
