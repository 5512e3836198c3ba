using Netpol.Analysis.Graph;

namespace Netpol.Rendering.Graph;

/// <summary>A node's box on the character grid: top-left corner, size and the text lines inside.</summary>
internal sealed record LayoutBox(GraphNode Node, int X, int Y, int Width, int Height, IReadOnlyList<string> Lines);
