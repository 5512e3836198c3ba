using BenchmarkDotNet.Running;
using Netpol.Benchmarks;

// netpol benchmarks:
//   generate PODS FILE      write a synthetic cluster of PODS pods as one JSON List
//   (anything else)         BenchmarkDotNet over the engines (pass BenchmarkDotNet's own arguments)
if (args.Length == 3 && args[0] == "generate")
{
    using var file = File.Create(args[2]);
    SyntheticCluster.Write(int.Parse(args[1]), file);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args);
return 0;
