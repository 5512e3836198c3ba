using BenchmarkDotNet.Running;
using Netpol.Benchmarks;

// netpol benchmarks:
//   generate PODS FILE [--tiers]
//                           write a synthetic cluster of PODS pods as one JSON List (--tiers: with an admin
//                           guardrail set of ClusterNetworkPolicies)
//   flows LINES FILE [PODS] write a Hubble export of LINES lines of traffic in that cluster (PODS: 2000)
//   (anything else)         BenchmarkDotNet over the engines (pass BenchmarkDotNet's own arguments)
if (args.Length is 3 or 4 && args[0] == "generate")
{
    using var file = File.Create(args[2]);
    SyntheticCluster.Write(int.Parse(args[1]), file, tiers: args.Length == 4 && args[3] == "--tiers");
    return 0;
}

if (args.Length is 3 or 4 && args[0] == "flows")
{
    using var file = new BufferedStream(File.Create(args[2]), 1 << 16);
    SyntheticFlows.Write(int.Parse(args[1]), args.Length == 4 ? int.Parse(args[3]) : 2000, file);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args);
return 0;
