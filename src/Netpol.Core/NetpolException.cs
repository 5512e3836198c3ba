namespace Netpol.Core;

/// <summary>
/// A user or environment error with a message that says what to do next (unknown endpoint, missing file, bad
/// option value). The command line prints the message and exits with code 2, without a stack trace.
/// </summary>
public sealed class NetpolException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public NetpolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public NetpolException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public NetpolException()
        : base("netpol failed")
    {
    }
}
