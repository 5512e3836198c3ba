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
}
