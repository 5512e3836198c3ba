namespace Netpol.Cli;

/// <summary>
/// Where a command writes and reads: the console, or buffers in tests. <see cref="Color"/> is set when standard
/// output is a terminal that accepts colour (and NO_COLOR is not set).
/// </summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, Func<Stream>? Stdin = null, bool Color = false);
