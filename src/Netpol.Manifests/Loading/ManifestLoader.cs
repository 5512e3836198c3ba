using System.Text;
using Netpol.Core;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;
using Netpol.Manifests.Decoding;
using Netpol.Manifests.Parsing;

namespace Netpol.Manifests.Loading;

/// <summary>
/// Loads manifests from files, directories (recursively: .yaml, .yml, .json), standard input (<c>-</c>), bundled
/// examples (<c>example:NAME</c>) and git revisions (<c>git:REV:PATH</c>, see <see cref="GitSource"/>), validates them as the API server would and builds the cluster. Every problem of
/// the run is collected; nothing is thrown for bad input.
/// </summary>
public static class ManifestLoader
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Loads every source in order.</summary>
    public static LoadResult Load(IEnumerable<string> sources, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= new LoadOptions();
        var diagnostics = new List<Diagnostic>();
        var decoder = new ManifestDecoder(diagnostics, options.Strict);
        foreach (var source in sources)
        {
            LoadSource(source, options, decoder, diagnostics);
        }

        var cluster = new Cluster(decoder.Namespaces, decoder.Pods, decoder.Policies, decoder.Services, decoder.ClusterPolicies, decoder.Nodes);
        return new LoadResult(cluster, diagnostics);
    }

    /// <summary>Loads manifests given as text (used by tests and by examples).</summary>
    public static LoadResult LoadText(string text, string fileName = "<input>", LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= new LoadOptions();
        var diagnostics = new List<Diagnostic>();
        var decoder = new ManifestDecoder(diagnostics, options.Strict);
        ParseBytes(fileName, Encoding.UTF8.GetBytes(text), decoder, diagnostics);
        return new LoadResult(new Cluster(decoder.Namespaces, decoder.Pods, decoder.Policies, decoder.Services, decoder.ClusterPolicies, decoder.Nodes), diagnostics);
    }

    /// <summary>
    /// Loads JSON documents that did not come from files, such as objects read from an API server: each is parsed,
    /// validated and decoded exactly like a manifest, and its diagnostics name it by <c>Name</c> (for example
    /// <c>cluster:shop/pod/web-1</c>).
    /// </summary>
    public static LoadResult LoadJson(IEnumerable<(string Name, byte[] Json)> documents, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new LoadOptions();
        var diagnostics = new List<Diagnostic>();
        var decoder = new ManifestDecoder(diagnostics, options.Strict);
        foreach (var (name, json) in documents)
        {
            var result = new ParseResult();
            JsonReader.Read(name, json, result, decoder.Decode);
            diagnostics.AddRange(result.Errors);
        }

        return new LoadResult(new Cluster(decoder.Namespaces, decoder.Pods, decoder.Policies, decoder.Services, decoder.ClusterPolicies, decoder.Nodes), diagnostics);
    }

    private static void LoadSource(string source, LoadOptions options, ManifestDecoder decoder, List<Diagnostic> diagnostics)
    {
        if (source == "-")
        {
            using var stdin = options.Stdin?.Invoke() ?? Console.OpenStandardInput();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            ParseBytes("<stdin>", buffer.ToArray(), decoder, diagnostics);
            return;
        }

        if (GitSource.IsGitSource(source))
        {
            LoadGit(source, options, decoder, diagnostics);
            return;
        }

        if (source.StartsWith("example:", StringComparison.Ordinal))
        {
            var name = source["example:".Length..];
            var text = ExampleCatalog.Read(name);
            if (text is null)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "no-such-example", null, null, null,
                    $"{source}: no such example; `netpol examples` lists them: {string.Join(", ", ExampleCatalog.Names)}"));
                return;
            }

            ParseBytes(source, Encoding.UTF8.GetBytes(text), decoder, diagnostics);
            return;
        }

        if (Directory.Exists(source))
        {
            var files = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "empty-directory", null, null, null,
                    $"{source}: no .yaml, .yml or .json files in this directory"));
            }

            foreach (var file in files)
            {
                ParseFile(file, decoder, diagnostics);
            }

            return;
        }

        if (File.Exists(source))
        {
            ParseFile(source, decoder, diagnostics);
            return;
        }

        diagnostics.Add(new Diagnostic(Severity.Error, "no-such-file", null, null, null,
            $"{source}: no such file or directory"));
    }

    private static void LoadGit(string source, LoadOptions options, ManifestDecoder decoder, List<Diagnostic> diagnostics)
    {
        IReadOnlyList<GitFile> files;
        try
        {
            files = GitSource.Read(source, options.GitDirectory);
        }
        catch (NetpolException ex)
        {
            // An unknown revision or path is reported like a missing file: with every other problem of the run.
            diagnostics.Add(new Diagnostic(Severity.Error, "git", null, null, null, ex.Message));
            return;
        }

        if (files.Count == 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "empty-directory", null, null, null,
                $"{source}: no .yaml, .yml or .json files in this directory at that revision"));
        }

        foreach (var file in files)
        {
            ParseBytes(file.Name, file.Content, decoder, diagnostics);
        }
    }

    private static void ParseFile(string file, ManifestDecoder decoder, List<Diagnostic> diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "unreadable-file", null, null, null, $"{file}: {ex.Message}"));
            return;
        }

        ParseBytes(file, bytes, decoder, diagnostics);
    }

    private static void ParseBytes(string file, byte[] bytes, ManifestDecoder decoder, List<Diagnostic> diagnostics)
    {
        var result = new ParseResult();
        var start = 0;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            start = 3; // UTF-8 byte order mark
        }

        var firstChar = bytes.AsSpan(start).IndexOfAnyExcept(" \t\r\n"u8);
        var looksJson = firstChar >= 0 && bytes[start + firstChar] is (byte)'{' or (byte)'[';
        if (looksJson && (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file is "<stdin>" or "<input>"))
        {
            JsonReader.Read(file, start == 0 ? bytes : bytes[start..], result, decoder.Decode);
        }
        else
        {
            using var reader = new StreamReader(new MemoryStream(bytes, start, bytes.Length - start), Encoding.UTF8);
            YamlReader.Read(file, reader, result, decoder.Decode);
        }

        diagnostics.AddRange(result.Errors);
    }
}
