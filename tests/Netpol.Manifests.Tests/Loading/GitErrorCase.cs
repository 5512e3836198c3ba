namespace Netpol.Manifests.Tests.Loading;

/// <summary>A git source that cannot be read, where it is read from, and what the error must say.</summary>
/// <param name="Name">What the row shows.</param>
/// <param name="Source">The source as written on the command line.</param>
/// <param name="Directory">The working directory, relative to the repository's top; null for a directory outside any repository.</param>
/// <param name="Message">Text the error message must contain.</param>
public sealed record GitErrorCase(string Name, string Source, string? Directory, string Message)
{
    public override string ToString() => Name;
}
