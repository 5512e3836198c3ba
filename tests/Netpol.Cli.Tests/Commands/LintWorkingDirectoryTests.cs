namespace Netpol.Cli.Tests.Commands;

/// <summary>Changing the working directory affects the whole process: these tests run alone.</summary>
[CollectionDefinition(nameof(WorkingDirectory), DisableParallelization = true)]
public sealed class WorkingDirectory;

/// <summary>netpol lint finds .netpol.yaml in the working directory.</summary>
[Collection(nameof(WorkingDirectory))]
public sealed class LintWorkingDirectoryTests
{
    [Fact]
    public void Config_in_the_working_directory_is_used_without_config_option()
    {
        var dir = Directory.CreateTempSubdirectory("netpol-cwd-").FullName;
        var before = Directory.GetCurrentDirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir, ".netpol.yaml"), "lint:\n  disable: [all]\n  enable: [dns-egress-missing]\n");
            Directory.SetCurrentDirectory(dir);

            var (exit, output, _) = CliRunner.Run("lint", "-f", "example:default-deny-all");

            Assert.Equal(1, exit);
            Assert.Contains("error[dns-egress-missing]", output, StringComparison.Ordinal);
            Assert.DoesNotContain("no-default-deny", output, StringComparison.Ordinal);
            Assert.EndsWith("1 rules run\n", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Colour_is_used_only_when_asked_for()
    {
        var output = new StringWriter { NewLine = "\n" };
        var plain = CliRunner.Run("lint", "-f", "example:default-deny-all");

        CliApp.Run(["lint", "-f", "example:default-deny-all"], output, new StringWriter(), color: true);

        Assert.Contains("\u001b[1;31merror\u001b[0m[dns-egress-missing]", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", plain.Out, StringComparison.Ordinal);
    }
}
