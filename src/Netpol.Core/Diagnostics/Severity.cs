namespace Netpol.Core.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum Severity
{
    /// <summary>Informational: something was skipped or assumed.</summary>
    Info,

    /// <summary>Suspicious but accepted.</summary>
    Warning,

    /// <summary>Invalid input: the run cannot produce a trustworthy answer.</summary>
    Error,
}
