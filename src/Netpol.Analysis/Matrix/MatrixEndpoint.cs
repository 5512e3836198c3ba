using Netpol.Core.Model;

namespace Netpol.Analysis.Matrix;

/// <summary>A row/column of the matrix: a pod, a workload's pods, or an external address.</summary>
public sealed record MatrixEndpoint(string Name, IReadOnlyList<Endpoint> Members);
