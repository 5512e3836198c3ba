namespace Netpol.Cli.Tests.Scenarios;

/// <summary>
/// <c>check</c>, <c>coverage</c> and <c>describe</c> on an admin guardrail setup with cluster network policies, pinned
/// byte for byte at tests/Scenarios/tiers/explained/expected/.
/// </summary>
public sealed class TierGoldenTests
{
    private const string Dir = "tiers/explained";

    public static TheoryData<string, string, string, string> Checks() => new()
    {
        { "admin-deny", "dev/a", "prod/web", "80" },
        { "admin-accept", "monitoring/prom", "prod/db", "5432" },
        { "pass-to-networkpolicy", "prod/web", "prod/db", "5432" },
        { "pass-to-baseline-deny", "prod/db", "prod/web", "80" },
        { "same-priority", "dev/a", "203.0.113.10", "80" },
        { "depends-on-dns", "dev/a", "8.8.8.8", "443" },
        { "default-allow", "dev/a", "monitoring/prom", "9090" },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public void Check_text_walks_the_tiers(string name, string from, string to, string port)
    {
        var (_, output, error) = CliRunner.Run("check", "-f", Manifests(), "--from", from, "--to", to, "--port", port);

        Assert.Equal(string.Empty, error);
        Golden.Assert($"{Dir}/expected/check-{name}.txt", output);
    }

    [Theory]
    [MemberData(nameof(Checks))]
    public void Check_json_has_the_tier_steps(string name, string from, string to, string port)
    {
        var (_, output, error) = CliRunner.Run("check", "-f", Manifests(), "--from", from, "--to", to, "--port", port, "-o", "json");

        Assert.Equal(string.Empty, error);
        Golden.Assert($"{Dir}/expected/check-{name}.json", output);
    }

    [Theory]
    [InlineData("table", "txt")]
    [InlineData("json", "json")]
    [InlineData("md", "md")]
    public void Coverage_counts_the_tiers(string format, string extension)
    {
        var (exit, output, error) = CliRunner.Run("coverage", "-f", Manifests(), "-o", format);

        Assert.True(exit == 0, error);
        Golden.Assert($"{Dir}/expected/coverage.{extension}", output);
    }

    [Theory]
    [InlineData("pod", "prod/web", "describe-pod")]
    [InlineData("namespace", "prod", "describe-namespace")]
    [InlineData("cnp", "deny-dev-to-prod", "describe-cnp")]
    [InlineData("clusterpolicy", "cnp/dev-egress-allowlist", "describe-cnp-dns")]
    [InlineData("banp", "default", "describe-banp")]
    public void Describe_shows_the_cluster_policies(string kind, string name, string golden)
    {
        var text = CliRunner.Run("describe", kind, name, "-f", Manifests());
        var json = CliRunner.Run("describe", kind, name, "-f", Manifests(), "-o", "json");

        Assert.True(text.Exit == 0, text.Error);
        Assert.True(json.Exit == 0, json.Error);
        Golden.Assert($"{Dir}/expected/{golden}.txt", text.Out);
        Golden.Assert($"{Dir}/expected/{golden}.json", json.Out);
    }

    [Fact]
    public void Describe_an_unknown_cluster_policy_exits_2_and_suggests_names()
    {
        var (exit, _, error) = CliRunner.Run("describe", "cnp", "deny-dev-to-prd", "-f", Manifests());

        Assert.Equal(2, exit);
        Assert.Contains("did you mean cnp/deny-dev-to-prod", error, StringComparison.Ordinal);
    }

    private static string Manifests() => Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", Dir, "manifests.yaml");
}
