namespace Netpol.Rendering.Graph;

/// <summary>A namespace frame around the boxes of one namespace within one layer.</summary>
internal sealed record LayoutFrame(string Namespace, int X, int Y, int Width, int Height);
