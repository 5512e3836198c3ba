using Netpol.Cli.Tests;

namespace Netpol.Lab.Tests;

/// <summary>The bundled examples, for theories that run on each.</summary>
internal static class Examples
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.RepoRoot(), "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }
}
