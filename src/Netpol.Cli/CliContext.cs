namespace Netpol.Cli;

/// <summary>Where a command writes and reads: the console, or buffers in tests.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, Func<Stream>? Stdin = null);
