using System.Diagnostics;
using System.Text.Json;

namespace Netpol.Cli.Tests.Commands;

/// <summary>
/// <c>netpol lint -o sarif</c> checked by Microsoft's SARIF validator (the <c>@microsoft/sarif-multitool</c> npm
/// package, which .ci/run installs and names in NETPOL_SARIF_MULTITOOL) with its SARIF rules and its GitHub code
/// scanning ingestion rules: no result may be an error.
/// </summary>
public sealed class SarifValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("netpol-sarif-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("example:three-tier-app")]
    [InlineData("example:default-deny-all")]
    [InlineData("file with spaces.yaml")]
    public void Lint_sarif_passes_the_sarif_and_github_validation_rules(string source)
    {
        var tool = Environment.GetEnvironmentVariable("NETPOL_SARIF_MULTITOOL");
        if (string.IsNullOrEmpty(tool))
        {
            // Developers without the validator skip it; CI must have it.
            Assert.NotEqual("true", Environment.GetEnvironmentVariable("CI"));
            return;
        }

        if (!source.StartsWith("example:", StringComparison.Ordinal))
        {
            var path = Path.Combine(_dir, source);
            File.Copy(Path.Combine(CliRunner.RepoRoot(), "examples", "office-ip-range.yaml"), path);
            source = path;
        }

        var (_, sarif, error) = CliRunner.Run("lint", "-f", source, "-o", "sarif");
        Assert.Equal(string.Empty, error);
        var input = Path.Combine(_dir, "lint.sarif");
        var report = Path.Combine(_dir, "validation.sarif");
        File.WriteAllText(input, sarif);

        using var process = Process.Start(new ProcessStartInfo(tool)
        {
            ArgumentList = { "validate", input, "--rule-kind", "Gh;Sarif", "--output", report, "--log", "ForceOverwrite" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var console = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(File.Exists(report), console);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var errors = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.TryGetProperty("level", out var level) && level.GetString() == "error")
            .Select(r => r.GetProperty("message").GetProperty("text").GetString())
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
