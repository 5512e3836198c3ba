using Netpol.Cli.Tests;
using Netpol.Lab.Network;

namespace Netpol.Lab.Tests.Compile;

/// <summary>
/// <c>netpol compile</c> on every bundled example and every tiered scenario: pinned byte for byte, and accepted by
/// <c>nft -c</c>.
/// </summary>
public sealed class CompileGoldenTests
{
    public static TheoryData<string> Examples() => Tests.Examples.Names();

    public static TheoryData<string> Tiered() => TierScenarios.Names();

    [Theory]
    [MemberData(nameof(Tiered))]
    public void Compiled_tiers_match_the_golden_file(string scenario)
    {
        var (exit, output, error) = CliRunner.Run("compile", "-f", TierScenarios.Manifests(scenario));
        Assert.True(exit == 0, error);
        Golden.Assert($"tiers/{scenario}/expected/compile.nft", output);
    }

    [LabTheory]
    [MemberData(nameof(Tiered))]
    public void Nft_accepts_the_compiled_tiers(string scenario)
    {
        var path = Path.Combine(Path.GetTempPath(), $"netpol-tiers-{scenario}-{Environment.ProcessId}.nft");
        try
        {
            Assert.Equal(0, CliRunner.Run("compile", "-f", TierScenarios.Manifests(scenario), "-o", path).Exit);
            LabTools.Run("nft", ["-c", "-f", path]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Compiled_ruleset_matches_the_golden_file(string example)
    {
        var (exit, output, error) = CliRunner.Run("compile", "-f", $"example:{example}");
        Assert.True(exit == 0, error);
        Golden.Assert($"examples/{example}/expected/compile.nft", output);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Compiling_twice_gives_the_same_text(string example)
    {
        var first = CliRunner.Run("compile", "-f", $"example:{example}").Out;
        var second = CliRunner.Run("compile", "-f", $"example:{example}").Out;
        Assert.Equal(first, second);
    }

    [LabTheory]
    [MemberData(nameof(Examples))]
    public void Nft_accepts_the_compiled_ruleset(string example)
    {
        var path = Path.Combine(Path.GetTempPath(), $"netpol-{example}-{Environment.ProcessId}.nft");
        try
        {
            Assert.Equal(0, CliRunner.Run("compile", "-f", $"example:{example}", "-o", path).Exit);
            LabTools.Run("nft", ["-c", "-f", path]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
