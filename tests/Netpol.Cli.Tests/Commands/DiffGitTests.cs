using System.Diagnostics;

namespace Netpol.Cli.Tests.Commands;

/// <summary>
/// <c>netpol diff --base git:REV:PATH</c> in a pull-request checkout: the working directory is a temporary
/// repository, so these tests change the process's directory and run alone.
/// </summary>
[Collection(nameof(WorkingDirectory))]
public sealed class DiffGitTests
{
    [Fact]
    public void A_pull_request_is_diffed_against_the_previous_commit()
    {
        var dir = Directory.CreateTempSubdirectory("netpol-diff-git-").FullName;
        var before = Directory.GetCurrentDirectory();
        try
        {
            // Given a repository whose last commit tightens the rollout
            Git(dir, "init", "-q");
            Directory.CreateDirectory(Path.Combine(dir, "deploy"));
            File.WriteAllText(Path.Combine(dir, "deploy", "orders.yaml"), Example("staged-rollout-loose"));
            Commit(dir, "stage 1");
            File.WriteAllText(Path.Combine(dir, "deploy", "orders.yaml"), Example("staged-rollout-tight"));
            Commit(dir, "stage 2");
            Directory.SetCurrentDirectory(dir);

            // When
            var committed = CliRunner.Run("diff", "--base", "git:HEAD~1:deploy/", "--head", "git:HEAD:deploy/");
            var checkout = CliRunner.Run("diff", "--base", "git:HEAD~1:deploy/", "--head", "deploy/", "-o", "md");
            var broken = CliRunner.Run("diff", "--base", "git:HEAD~7:deploy/", "--head", "git:HEAD:deploy/missing.yaml");

            // Then
            Assert.Equal(1, committed.Exit);
            Assert.EndsWith("2 connections gained, 7 lost; 5 policies changed\n", committed.Out, StringComparison.Ordinal);
            Assert.Equal(1, checkout.Exit);
            Assert.Contains("❌ **7 connections lost**", checkout.Out, StringComparison.Ordinal);
            Assert.Equal(2, broken.Exit);
            Assert.Empty(broken.Out);
            var errors = broken.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("git:HEAD~7:deploy/: unknown revision \"HEAD~7\"", errors[0], StringComparison.Ordinal);
            Assert.StartsWith("git:HEAD:deploy/missing.yaml: no file or directory \"deploy/missing.yaml\" at revision HEAD", errors[1], StringComparison.Ordinal);
            Assert.Equal("2 errors: nothing was analysed", errors[^1]);
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Example(string name) => File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), "examples", name + ".yaml"));

    private static void Commit(string dir, string message)
    {
        Git(dir, "add", "-A");
        Git(dir, "-c", "user.name=netpol tests", "-c", "user.email=tests@netpol.invalid", "-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
    }

    private static void Git(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
    }
}
