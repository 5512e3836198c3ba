using System.Reflection;

namespace Netpol.Manifests.Loading;

/// <summary>The example manifests that ship inside netpol, loadable as <c>-f example:NAME</c>.</summary>
public static class ExampleCatalog
{
    private const string Prefix = "examples/";
    private static readonly Assembly Assembly = typeof(ExampleCatalog).Assembly;

    /// <summary>The examples' names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The text of an example, or null when there is none of that name.</summary>
    public static string? Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(Prefix + name + ".yaml");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The first sentence of an example's leading comment: what it shows.</summary>
    public static string Describe(string name)
    {
        var text = Read(name) ?? string.Empty;
        var words = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var t = line.Trim();
            if (!t.StartsWith('#'))
            {
                break;
            }

            words.Add(t.TrimStart('#').Trim());
        }

        var joined = string.Join(' ', words.Where(w => w.Length > 0));
        var colon = joined.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && joined[..colon] == name)
        {
            joined = joined[(colon + 2)..];
        }

        var end = joined.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? joined[..(end + 1)] : joined;
    }
}
