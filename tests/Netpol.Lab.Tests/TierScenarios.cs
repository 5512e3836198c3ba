using Netpol.Cli.Tests;

namespace Netpol.Lab.Tests;

/// <summary>The tiered scenarios under tests/Scenarios/tiers (manifests.yaml and expect.txt in each folder).</summary>
internal static class TierScenarios
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Root()).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    public static string Root() => Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "tiers");

    public static string Manifests(string name) => Path.Combine(Root(), name, "manifests.yaml");

    /// <summary>The probes and externals of the scenario's expect.txt, as matrix and lab run arguments.</summary>
    public static List<string> ProbeArguments(string name)
    {
        var args = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(Root(), name, "expect.txt")))
        {
            if (line.StartsWith("probe ", StringComparison.Ordinal))
            {
                args.AddRange(["--port", line[6..].Trim()]);
            }
            else if (line.StartsWith("external ", StringComparison.Ordinal))
            {
                args.AddRange(["--external", line[9..].Trim()]);
            }
        }

        return args;
    }
}
