using Netpol.Analysis.Check;

namespace Netpol.Analysis.Report;

/// <summary>The <c>check</c> explanation of one edge of the report's graph (by index), on the edge's first port.</summary>
public sealed record EdgeExplanation(int Edge, CheckCase Case);
