namespace Netpol.Manifests.Loading;

/// <summary>How to load manifests.</summary>
public sealed record LoadOptions
{
    /// <summary>Make unknown kinds an error instead of a note.</summary>
    public bool Strict { get; init; }

    /// <summary>Where <c>-</c> reads from (standard input by default).</summary>
    public Func<Stream>? Stdin { get; init; }

    /// <summary>
    /// Where <c>git:REV:PATH</c> sources run git and resolve PATH (the current directory by default). Plain paths
    /// are unaffected.
    /// </summary>
    public string? GitDirectory { get; init; }
}
