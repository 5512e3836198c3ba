namespace Netpol.Manifests.Loading;

/// <summary>How to load manifests.</summary>
public sealed record LoadOptions
{
    /// <summary>Make unknown kinds an error instead of a note.</summary>
    public bool Strict { get; init; }

    /// <summary>Where <c>-</c> reads from (standard input by default).</summary>
    public Func<Stream>? Stdin { get; init; }
}
