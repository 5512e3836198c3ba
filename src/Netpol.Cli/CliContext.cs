namespace Netpol.Cli;

/// <summary>
/// Where a command writes and reads: the console, or buffers in tests. <see cref="Color"/> is set when standard
/// output is a terminal that accepts colour (and NO_COLOR is not set).
/// </summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, Func<Stream>? Stdin = null, bool Color = false)
{
    /// <summary>True when standard error is a terminal: cluster reads then draw a progress bar instead of plain lines.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Reads environment variables (<c>KUBECONFIG</c>, <c>HOME</c>); tests replace it.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>True when running in a pod with a service account; tests replace it.</summary>
    public Func<bool>? IsInCluster { get; init; }
}
