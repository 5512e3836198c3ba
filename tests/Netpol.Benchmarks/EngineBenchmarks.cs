using BenchmarkDotNet.Attributes;
using Netpol.Analysis.Check;
using Netpol.Core.Engine;
using Netpol.Core.Model;
using Netpol.Core.Reference;
using Netpol.Manifests.Loading;

namespace Netpol.Benchmarks;

/// <summary>
/// In-process compute time of the two engines on the same synthetic cluster: compile and count every allowed pod
/// pair (any port and two probes), and one explained check after load.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly Probe[] Probes = [new(8080, Protocol.TCP), new(53, Protocol.UDP)];
    private Cluster _cluster = null!;

    [Params(2000)]
    public int Pods { get; set; }

    /// <summary>With the synthetic admin guardrail ClusterNetworkPolicies.</summary>
    [Params(false, true)]
    public bool Tiers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var stream = new MemoryStream();
        SyntheticCluster.Write(Pods, stream, Tiers);
        var path = Path.Combine(Path.GetTempPath(), $"netpol-bench-{Pods}-{Tiers}.json");
        File.WriteAllBytes(path, stream.ToArray());
        var result = ManifestLoader.Load([path]);
        if (result.HasErrors)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(5)));
        }

        _cluster = result.Cluster;
    }

    [Benchmark(Baseline = true)]
    public long Reference() => new ReferenceCounter(new ReferenceEvaluator(_cluster)).CountAllowedPairs(Probes).AnyPort;

    [Benchmark]
    public long Fast() => new FastEngine(_cluster).CountAllowedPairs(Probes).AnyPort;

    [Benchmark]
    public bool OneCheck() => CheckAnalysis.Run(_cluster, "app-00001/deploy/web", "app-00001/deploy/api", 8080, Protocol.TCP).Allowed;
}
