namespace Netpol.Analysis.Tests.Lint;

/// <summary>
/// One held-back manifest: the well-built app with one mistake, the exact set of rules that must report an error or
/// warning on it, and, when the mistake is only worth an info, the info rule that must report it.
/// </summary>
/// <param name="Name">The mistake, in words.</param>
/// <param name="Yaml">The manifests.</param>
/// <param name="Expected">Rule ids of every error and warning finding, no more and no fewer.</param>
/// <param name="Objects">The objects those findings are about (or the info rule's findings), no more and no fewer.</param>
/// <param name="Info">An info rule that must report the mistake, when it is an info rule's to find.</param>
public sealed record MistakeCase(string Name, string Yaml, string[] Expected, string[] Objects, string? Info = null)
{
    /// <summary>The row name, so each row reads as a sentence in test output.</summary>
    public override string ToString() => Name;
}
