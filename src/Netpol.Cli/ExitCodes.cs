namespace Netpol.Cli;

/// <summary>netpol's exit codes: scripts rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>Success; for check: allowed.</summary>
    public const int Ok = 0;

    /// <summary>The answer is negative: check denied (and later: findings, lost connections).</summary>
    public const int Negative = 1;

    /// <summary>Bad usage or invalid input.</summary>
    public const int BadInput = 2;
}
