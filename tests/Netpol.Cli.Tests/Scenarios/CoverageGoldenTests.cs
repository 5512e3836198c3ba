using Netpol.Manifests.Loading;

namespace Netpol.Cli.Tests.Scenarios;

/// <summary>
/// <c>netpol coverage</c> on every bundled example, pinned byte for byte at
/// tests/Scenarios/examples/NAME/expected/coverage.txt (table) and coverage.json.
/// </summary>
public sealed class CoverageGoldenTests
{
    public static TheoryData<string> Examples() => new(ExampleCatalog.Names);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Coverage_table_matches_the_golden_file(string example)
    {
        var (exit, output, error) = CliRunner.Run("coverage", "-f", $"example:{example}", "-o", "table");

        Assert.True(exit == 0, error);
        Golden.Assert($"examples/{example}/expected/coverage.txt", output);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Coverage_json_matches_the_golden_file(string example)
    {
        var (exit, output, error) = CliRunner.Run("coverage", "-f", $"example:{example}", "-o", "json");

        Assert.True(exit == 0, error);
        Golden.Assert($"examples/{example}/expected/coverage.json", output);
    }

    [Fact]
    public void Every_bundled_example_has_a_scenario_folder()
    {
        var root = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "examples");

        Assert.All(ExampleCatalog.Names, name => Assert.True(Directory.Exists(Path.Combine(root, name)), name));
    }
}
