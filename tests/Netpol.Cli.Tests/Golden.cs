namespace Netpol.Cli.Tests;

/// <summary>
/// Golden files under tests/Scenarios: the expected output of a command, byte for byte.
/// <c>NETPOL_UPDATE_GOLDEN=1 dotnet test</c> rewrites them; review that diff like code.
/// </summary>
internal static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("NETPOL_UPDATE_GOLDEN") == "1";

    /// <summary>Compares <paramref name="actual"/> with tests/Scenarios/<paramref name="relativePath"/>.</summary>
    public static void Assert(string relativePath, string actual)
    {
        var path = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", relativePath);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Xunit.Assert.True(File.Exists(path), $"missing golden file {path}: run NETPOL_UPDATE_GOLDEN=1 dotnet test and review it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Xunit.Assert.Equal(expected, actual);
    }
}
