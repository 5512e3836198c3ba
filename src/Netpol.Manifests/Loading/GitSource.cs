using System.Globalization;
using System.Text;
using Netpol.Core;

namespace Netpol.Manifests.Loading;

/// <summary>
/// Manifests as they were at a git revision of the repository around the working directory:
/// <c>git:REV:PATH</c>, where REV is anything git resolves to a commit (<c>HEAD~1</c>, <c>origin/main</c>, a tag, a
/// commit id) and PATH a file or a directory (read recursively: .yaml, .yml, .json), relative to the working
/// directory as <c>-f</c> paths are (an absolute path inside the repository works too). Nothing is checked out: git
/// runs as a process (<c>rev-parse</c>, <c>ls-tree</c>, <c>cat-file</c>). Files are named <c>git:REV:PATH</c> in
/// diagnostics, so that <c>FILE:LINE:COL</c> still says where to look.
/// </summary>
public static class GitSource
{
    /// <summary>What starts a git source.</summary>
    public const string Prefix = "git:";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>True when the source is written <c>git:...</c>.</summary>
    public static bool IsGitSource(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.StartsWith(Prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// The files the source names, in path order; none for a directory without manifests. Throws a
    /// <see cref="NetpolException"/> that says what to do when the text is malformed, the working directory is not
    /// in a git repository, the revision is unknown or the path does not exist at that revision.
    /// </summary>
    /// <param name="source"><c>git:REV:PATH</c>.</param>
    /// <param name="workingDirectory">Where git runs and PATH starts (default: the current directory).</param>
    public static IReadOnlyList<GitFile> Read(string source, string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (revision, path) = Parse(source);
        var directory = workingDirectory ?? Directory.GetCurrentDirectory();
        if (!Directory.Exists(directory))
        {
            throw new NetpolException($"{source}: the directory {directory} does not exist");
        }

        var (top, prefix) = Repository(source, directory);
        var commit = Commit(source, top, revision);
        var target = RepositoryPath(source, directory, prefix, path);
        var entries = Blobs(source, top, commit, target);
        if (entries.Count == 0)
        {
            throw new NetpolException($"{source}: no file or directory \"{path}\" at revision {revision}; `git ls-tree -r --name-only {revision}` lists what is there");
        }

        if (entries.Count == 1 && entries[0].Path == target)
        {
            return [new GitFile(source, Contents(source, top, [entries[0].Object])[0])];
        }

        var manifests = entries
            .Where(e => Extensions.Contains(Path.GetExtension(e.Path), StringComparer.OrdinalIgnoreCase))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        var contents = Contents(source, top, manifests.Select(e => e.Object).ToList());
        var shown = path.TrimEnd('/');
        return manifests.Select((e, i) =>
        {
            var rest = target.Length == 0 ? e.Path : e.Path[(target.Length + 1)..];
            return new GitFile($"{Prefix}{revision}:{(shown.Length == 0 ? rest : shown + "/" + rest)}", contents[i]);
        }).ToList();
    }

    /// <summary>Splits <c>git:REV:PATH</c> at the first colon after the prefix (ref names cannot contain one).</summary>
    private static (string Revision, string Path) Parse(string source)
    {
        var rest = source[Prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new NetpolException($"{source}: write git:REV:PATH, e.g. git:origin/main:deploy/ or git:HEAD~1:policies.yaml");
        }

        var revision = rest[..colon];
        if (revision.StartsWith('-'))
        {
            throw new NetpolException($"{source}: a revision cannot start with '-'");
        }

        return (revision, rest[(colon + 1)..]);
    }

    /// <summary>The repository's top directory and the working directory's place in it (<c>sub/dir/</c>, or empty).</summary>
    private static (string Top, string Prefix) Repository(string source, string directory)
    {
        var (exit, output, error) = GitProcess.Run(directory, ["rev-parse", "--show-toplevel", "--show-prefix"]);
        var lines = Encoding.UTF8.GetString(output).Split('\n');
        if (exit != 0 || lines.Length < 2 || lines[0].Length == 0)
        {
            throw new NetpolException($"{source}: {directory} is not inside a git repository work tree ({FirstLine(error)}); run netpol from a clone, or use a plain path");
        }

        return (lines[0], lines[1]);
    }

    private static string Commit(string source, string top, string revision)
    {
        var (exit, output, _) = GitProcess.Run(top, ["rev-parse", "--verify", "--quiet", revision + "^{commit}"]);
        var id = Encoding.UTF8.GetString(output).Trim();
        if (exit != 0 || id.Length == 0)
        {
            throw new NetpolException($"{source}: unknown revision \"{revision}\" in {top}; check the name with `git log --oneline {revision}` (in CI, fetch it first, e.g. `git fetch origin main`)");
        }

        return id;
    }

    /// <summary>PATH as a path from the repository's top (no leading or trailing slash; empty for the top itself).</summary>
    private static string RepositoryPath(string source, string directory, string prefix, string path)
    {
        var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(directory, path) : path;
        var parts = new List<string>();
        foreach (var part in (prefix + "/" + relative).Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    throw new NetpolException($"{source}: \"{path}\" is outside the git repository");
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>The regular files (not symbolic links, not submodules) at or under the path at the commit.</summary>
    private static List<(string Object, string Path)> Blobs(string source, string top, string commit, string target)
    {
        List<string> args = ["--literal-pathspecs", "ls-tree", "-r", "-z", commit];
        if (target.Length > 0)
        {
            args.Add("--");
            args.Add(target);
        }

        var (exit, output, error) = GitProcess.Run(top, args);
        if (exit != 0)
        {
            throw new NetpolException($"{source}: git ls-tree failed: {FirstLine(error)}");
        }

        var result = new List<(string, string)>();
        foreach (var record in Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // <mode> SP <type> SP <object> TAB <path>
            var tab = record.IndexOf('\t', StringComparison.Ordinal);
            var fields = record[..tab].Split(' ');
            var file = record[(tab + 1)..];
            var inside = target.Length == 0 || file == target || file.StartsWith(target + "/", StringComparison.Ordinal);
            if (inside && fields[1] == "blob" && fields[0] != "120000")
            {
                result.Add((fields[2], file));
            }
        }

        return result;
    }

    /// <summary>The contents of blobs, in order, read by one <c>git cat-file --batch</c>.</summary>
    private static List<byte[]> Contents(string source, string top, List<string> objects)
    {
        if (objects.Count == 0)
        {
            return [];
        }

        var input = Encoding.UTF8.GetBytes(string.Concat(objects.Select(o => o + "\n")));
        var (exit, output, error) = GitProcess.Run(top, ["cat-file", "--batch"], input);
        if (exit != 0)
        {
            throw new NetpolException($"{source}: git cat-file failed: {FirstLine(error)}");
        }

        // Each answer is "<object> blob <size>\n", the bytes, and "\n".
        var result = new List<byte[]>(objects.Count);
        var at = 0;
        foreach (var o in objects)
        {
            var end = Array.IndexOf(output, (byte)'\n', at);
            var header = end < 0 ? [] : Encoding.UTF8.GetString(output, at, end - at).Split(' ');
            if (header.Length != 3 || header[1] != "blob" || !int.TryParse(header[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || end + 1 + size > output.Length)
            {
                throw new NetpolException($"{source}: git cat-file could not read object {o}");
            }

            result.Add(output.AsSpan(end + 1, size).ToArray());
            at = end + 1 + size + 1;
        }

        return result;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "git said nothing";
        return line.StartsWith("fatal: ", StringComparison.Ordinal) ? line["fatal: ".Length..] : line;
    }
}
