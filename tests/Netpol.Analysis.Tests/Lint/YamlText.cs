namespace Netpol.Analysis.Tests.Lint;

/// <summary>Text edits for deriving manifests from one another, strict enough that a variant cannot silently miss.</summary>
internal static class YamlText
{
    /// <summary>Replaces <paramref name="find"/>, which must occur exactly once.</summary>
    public static string ReplaceOnce(this string text, string find, string replace)
    {
        var first = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(first >= 0, $"the text does not contain:\n{find}");
        Assert.True(text.IndexOf(find, first + 1, StringComparison.Ordinal) < 0, $"the text contains more than once:\n{find}");
        return string.Concat(text.AsSpan(0, first), replace, text.AsSpan(first + find.Length));
    }

    /// <summary>Appends YAML documents after a <c>---</c> line.</summary>
    public static string AddingDocuments(this string yaml, string documents) => yaml.TrimEnd('\n') + "\n---\n" + documents;
}
