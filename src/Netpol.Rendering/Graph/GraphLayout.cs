namespace Netpol.Rendering.Graph;

/// <summary>The layered drawing of a graph on a character grid, shared by the ASCII and SVG renderers.</summary>
internal sealed record GraphLayout(int Width, int Height, IReadOnlyList<LayoutFrame> Frames, IReadOnlyList<LayoutBox> Boxes, IReadOnlyList<LayoutPath> Paths);
