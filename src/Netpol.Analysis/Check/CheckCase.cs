using Netpol.Core.Explain;

namespace Netpol.Analysis.Check;

/// <summary>One concrete pair a check resolved to (a Service or workload can stand for several pods).</summary>
public sealed record CheckCase(string? FromVia, string? ToVia, ConnectionExplanation Explanation);
