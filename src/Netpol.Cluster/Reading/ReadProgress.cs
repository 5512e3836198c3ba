namespace Netpol.LiveCluster.Reading;

/// <summary>How far a read has come: lists finished of all planned, objects so far, and what just finished.</summary>
/// <param name="ListsDone">Lists completed (every page read).</param>
/// <param name="ListsTotal">Lists planned.</param>
/// <param name="Objects">Objects read so far.</param>
/// <param name="Finished">The list that just completed, e.g. <c>120 pods in namespace shop</c>; null for a page.</param>
public sealed record ReadProgress(int ListsDone, int ListsTotal, int Objects, string? Finished);
