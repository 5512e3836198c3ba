using Netpol.Analysis.Graph;

namespace Netpol.Rendering.Graph;

/// <summary>
/// An edge routed on the grid: orthogonal points from the source box's border to the destination box's border
/// (the last point carries the arrowhead), and where its label goes.
/// </summary>
internal sealed record LayoutPath(GraphEdge Edge, IReadOnlyList<(int X, int Y)> Points, string Label, int LabelX, int LabelY);
