using Netpol.Core.Model;
using Netpol.Manifests.Loading;

namespace Netpol.Analysis.Tests;

/// <summary>Builds clusters for analysis tests from YAML text, failing the test on any load error.</summary>
internal static class TestClusters
{
    public static Cluster FromYaml(string yaml)
    {
        var result = ManifestLoader.LoadText(yaml, "test.yaml");
        var errors = result.Diagnostics.Where(d => d.Severity == Netpol.Core.Diagnostics.Severity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return result.Cluster;
    }
}
