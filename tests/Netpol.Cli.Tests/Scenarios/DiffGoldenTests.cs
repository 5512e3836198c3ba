namespace Netpol.Cli.Tests.Scenarios;

/// <summary>
/// <c>netpol diff</c> from the guide's first rollout stage (staged-rollout-loose) to the second
/// (staged-rollout-tight), pinned byte for byte in every format at
/// tests/Scenarios/examples/staged-rollout-tight/expected/diff-from-loose.{txt,json,md}.
/// </summary>
public sealed class DiffGoldenTests
{
    [Theory]
    [InlineData("text", "txt")]
    [InlineData("json", "json")]
    [InlineData("md", "md")]
    public void Tightening_the_staged_rollout_matches_the_golden_file(string format, string extension)
    {
        var (exit, output, error) = CliRunner.Run("diff", "--base", "example:staged-rollout-loose", "--head", "example:staged-rollout-tight", "-o", format);

        Assert.True(exit == 1, $"exit {exit}: {error}");
        Golden.Assert($"examples/staged-rollout-tight/expected/diff-from-loose.{extension}", output);
    }

    [Theory]
    [InlineData("text", "txt")]
    [InlineData("json", "json")]
    [InlineData("md", "md")]
    public void A_change_of_cluster_network_policies_matches_the_golden_file(string format, string extension)
    {
        // tests/Scenarios/diff-tiers: an Admin policy removed, one added (legacy kind), two modified, and a
        // NetworkPolicy change; connections changed by tier rules name them.
        var dir = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "diff-tiers");
        var (exit, output, error) = CliRunner.Run("diff", "--base", Path.Combine(dir, "base.yaml"), "--head", Path.Combine(dir, "head.yaml"), "-o", format);

        Assert.True(exit == 1, $"exit {exit}: {error}");
        Golden.Assert($"diff-tiers/expected/diff.{extension}", output);
    }
}
