namespace Netpol.Cli.Tests.Scenarios;

/// <summary>
/// <c>netpol lint</c> on every bundled example, pinned byte for byte in tests/Scenarios/examples/NAME/expected/.
/// Where the guide's own examples carry a mistake (DNS over UDP only, DNS to all of kube-system), the finding
/// stands in the golden file.
/// </summary>
public sealed class LintGoldenTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.RepoRoot(), "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Lint_text_matches_the_golden_file(string example)
    {
        var (exit, output, error) = CliRunner.Run("lint", "-f", $"example:{example}");

        Assert.Equal(string.Empty, error);
        Assert.Equal(output.Contains("error[", StringComparison.Ordinal) ? 1 : 0, exit);
        Golden.Assert($"examples/{example}/expected/lint.txt", output);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Lint_json_matches_the_golden_file(string example)
    {
        var (_, output, _) = CliRunner.Run("lint", "-f", $"example:{example}", "-o", "json");

        Golden.Assert($"examples/{example}/expected/lint.json", output);
    }

    [Fact]
    public void Lint_sarif_matches_the_golden_file()
    {
        var (_, output, _) = CliRunner.Run("lint", "-f", "example:three-tier-app", "-o", "sarif");

        Golden.Assert("examples/three-tier-app/expected/lint.sarif", output.Replace($"\"semanticVersion\": \"{CliApp.Version}\"", "\"semanticVersion\": \"VERSION\"", StringComparison.Ordinal));
    }
}
