namespace Netpol.Manifests.Loading;

/// <summary>
/// One file read from a git revision: <see cref="Name"/> is how diagnostics name it (<c>git:REV:PATH</c>, with PATH
/// as the user would write it from the working directory) and <see cref="Content"/> its bytes at that revision.
/// </summary>
public sealed record GitFile(string Name, byte[] Content);
