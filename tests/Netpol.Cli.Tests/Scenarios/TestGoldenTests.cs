using System.Text.Json;

namespace Netpol.Cli.Tests.Scenarios;

/// <summary>
/// <c>netpol test</c> on the specs under tests/Scenarios: each bundled example with a tests.yaml (every test there
/// must pass) and tests/Scenarios/test-failures (every test there fails on purpose), pinned byte for byte in
/// expected/test.txt and expected/test.xml (and test.json for the failures). The spec path in the output is the
/// repository-relative one, so the golden files do not depend on where the repository is.
/// </summary>
public sealed class TestGoldenTests
{
    public static TheoryData<string> ExampleSpecs()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "examples");
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "tests.yaml")))
            {
                data.Add(Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Fact]
    public void At_least_four_examples_have_a_spec()
    {
        Assert.True(ExampleSpecs().Count >= 4);
    }

    [Theory]
    [MemberData(nameof(ExampleSpecs))]
    public void An_example_spec_passes_and_its_text_matches_the_golden_file(string example)
    {
        var (exit, output, error) = Run($"examples/{example}", $"example:{example}", "text");

        Assert.True(exit == 0, error + output);
        Golden.Assert($"examples/{example}/expected/test.txt", output);
    }

    [Theory]
    [MemberData(nameof(ExampleSpecs))]
    public void An_example_spec_junit_matches_the_golden_file(string example)
    {
        var (exit, output, error) = Run($"examples/{example}", $"example:{example}", "junit");

        Assert.True(exit == 0, error);
        Golden.Assert($"examples/{example}/expected/test.xml", output);
    }

    [Theory]
    [MemberData(nameof(ExampleSpecs))]
    public void Every_pair_of_an_example_spec_gets_the_verdict_netpol_check_gives(string example)
    {
        // Given
        var (_, output, error) = Run($"examples/{example}", $"example:{example}", "json");
        using var json = JsonDocument.Parse(output);
        var wrong = new List<string>();

        // When
        foreach (var test in json.RootElement.GetProperty("tests").EnumerateArray())
        {
            foreach (var pair in test.GetProperty("pairs").EnumerateArray())
            {
                var (from, to) = (pair.GetProperty("from").GetString()!, pair.GetProperty("to").GetString()!);
                var port = $"{pair.GetProperty("port").GetInt32()}/{pair.GetProperty("protocol").GetString()}";
                var check = CliRunner.Run("check", "-f", $"example:{example}", "--from", from, "--to", to, "--port", port);
                if (check.Exit != (pair.GetProperty("allowed").GetBoolean() ? 0 : 1))
                {
                    wrong.Add($"{test.GetProperty("name").GetString()}: {from} -> {to} on {port}: check exits {check.Exit}");
                }
            }
        }

        // Then
        Assert.True(wrong.Count == 0, error + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("text", "test.txt")]
    [InlineData("junit", "test.xml")]
    [InlineData("json", "test.json")]
    public void Failing_tests_are_explained_as_in_the_golden_files(string format, string golden)
    {
        var (exit, output, error) = Run("test-failures", "example:three-tier-app", format);

        Assert.True(exit == 1, error);
        Golden.Assert($"test-failures/expected/{golden}", output);
    }

    [Fact]
    public void The_text_output_in_docs_is_what_the_documented_spec_prints()
    {
        // Given: the first yaml block of docs/test.md is the sample spec; the text run is pasted after its command line
        var docs = File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), "docs", "test.md")).ReplaceLineEndings("\n");
        var specStart = docs.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var spec = docs[specStart..docs.IndexOf("```", specStart, StringComparison.Ordinal)];
        const string Command = "$ netpol test -f example:three-tier-app webshop-tests.yaml\n";
        var outputStart = docs.IndexOf(Command, StringComparison.Ordinal) + Command.Length;
        var documented = docs[outputStart..docs.IndexOf("```", outputStart, StringComparison.Ordinal)];
        var dir = Directory.CreateTempSubdirectory("netpol-docs-");
        try
        {
            var path = Path.Combine(dir.FullName, "webshop-tests.yaml");
            File.WriteAllText(path, spec);

            // When
            var (exit, output, _) = CliRunner.Run("test", "-f", "example:three-tier-app", path);

            // Then
            Assert.Equal(1, exit);
            Assert.Equal(documented, output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (int Exit, string Out, string Error) Run(string scenario, string manifests, string format)
    {
        var relative = $"tests/Scenarios/{scenario}/tests.yaml";
        var spec = Path.Combine(CliRunner.RepoRoot(), relative);
        var (exit, output, error) = CliRunner.Run("test", "-f", manifests, spec, "-o", format);
        return (exit, output.Replace(spec, relative, StringComparison.Ordinal), error);
    }
}
