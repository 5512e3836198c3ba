using System.Diagnostics;

namespace Netpol.Manifests.Tests.Loading;

/// <summary>A throw-away git repository in a temporary directory, for tests of <c>git:REV:PATH</c> sources.</summary>
internal sealed class TempGitRepository : IDisposable
{
    public TempGitRepository()
    {
        Root = Directory.CreateTempSubdirectory("netpol-git-").FullName;
        Git("init", "-q");
    }

    public string Root { get; }

    /// <summary>Writes a file (creating its directories) relative to the repository's top.</summary>
    public TempGitRepository Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    /// <summary>Stages everything and commits it.</summary>
    public TempGitRepository Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=netpol tests", "-c", "user.email=tests@netpol.invalid", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
        return this;
    }

    public string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {error.Result}");
        }

        return output;
    }

    public void Dispose()
    {
        // git makes its object files read-only; clear that so that the directory can be deleted.
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(Root, recursive: true);
    }
}
