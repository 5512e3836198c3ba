namespace Netpol.Lab.Traffic;

/// <summary>The verdict of one connection attempt and what was seen (connected, refused, no answer, ...).</summary>
public sealed record ProbeOutcome(ProbeVerdict Verdict, string Detail);
