using System.Net;
using Netpol.Core;
using Netpol.Core.Engine;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Matrix;

/// <summary>Runs <c>netpol matrix</c>: who can reach whom, per probe or on any port.</summary>
public static class MatrixAnalysis
{
    /// <summary>Creates the engine the options ask for.</summary>
    public static IConnectivityEngine CreateEngine(Cluster cluster, EngineKind kind) =>
        kind == EngineKind.Reference ? new ReferenceEvaluator(cluster) : new FastEngine(cluster);

    /// <summary>The matrix over the selected endpoints.</summary>
    public static MatrixResult Run(Cluster cluster, MatrixOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        var engine = CreateEngine(cluster, options.Engine);
        var endpoints = Endpoints(cluster, options);
        var cells = new List<MatrixCell>(endpoints.Count * endpoints.Count * Math.Max(1, options.Probes.Count));
        var filter = options.Protocols.Count == 0
            ? PortSet.All
            : PortSet.FromRanges(options.Protocols.Select(p => new PortRange(p, PortRange.MinPort, PortRange.MaxPort)));
        foreach (var row in endpoints)
        {
            foreach (var col in endpoints)
            {
                var sets = new List<PortSet>(row.Members.Count * col.Members.Count);
                foreach (var a in row.Members)
                {
                    foreach (var b in col.Members)
                    {
                        sets.Add(engine.AllowedPorts(a, b).Intersect(filter));
                    }
                }

                if (options.Probes.Count == 0)
                {
                    var all = sets.Aggregate((x, y) => x.Intersect(y));
                    var any = sets.Aggregate((x, y) => x.Union(y));
                    cells.Add(new MatrixCell(row.Name, col.Name, null, !all.IsEmpty, !all.Equals(any), all));
                    continue;
                }

                foreach (var probe in options.Probes)
                {
                    var count = sets.Count(s => s.Contains(probe.Port, probe.Protocol));
                    var allowed = count == sets.Count && count > 0;
                    cells.Add(new MatrixCell(row.Name, col.Name, probe, allowed, count > 0 && !allowed, allowed ? PortSet.Of(probe.Protocol, probe.Port, probe.Port) : PortSet.Empty));
                }
            }
        }

        return new MatrixResult(endpoints, options.Probes, cells);
    }

    /// <summary>The counts of <c>-o summary</c>, computed without listing pairs.</summary>
    public static MatrixSummary Summarize(Cluster cluster, MatrixOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        var fast = new FastEngine(cluster);
        IPairCounter counter = options.Engine == EngineKind.Reference ? new ReferenceCounter(new ReferenceEvaluator(cluster)) : fast;
        var counts = counter.CountAllowedPairs(options.Probes);
        return new MatrixSummary(
            cluster.Pods.Count,
            cluster.Namespaces.Count,
            cluster.Policies.Count,
            fast.ClassCount,
            counts.AnyPort,
            options.Probes.Select((p, i) => (p, counts.PerProbe[i])).ToList());
    }

    /// <summary>The rows/columns: pods or workloads of the chosen namespaces, then external endpoints.</summary>
    public static List<MatrixEndpoint> Endpoints(Cluster cluster, MatrixOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var ns in options.Namespaces)
        {
            if (cluster.FindNamespace(ns) is null)
            {
                throw new NetpolException($"no namespace \"{ns}\" in the input; namespaces: {string.Join(", ", cluster.Namespaces.Select(n => n.Name))}");
            }
        }

        var pods = cluster.Pods.Where(p => options.Namespaces.Count == 0 || options.Namespaces.Contains(p.Namespace));
        var result = options.By == Grouping.Workload
            ? pods.GroupBy(p => $"{p.Namespace}/{p.Owner ?? p.Name}", StringComparer.Ordinal)
                .Select(g => new MatrixEndpoint(g.Key, g.Select(Endpoint.ForPod).ToList()))
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .ToList()
            : pods.Select(p => new MatrixEndpoint(p.FullName, [Endpoint.ForPod(p)])).ToList();
        foreach (var text in options.Externals)
        {
            result.Add(new MatrixEndpoint(text, [Endpoint.ForAddress(ParseExternal(text))]));
        }

        return result;
    }

    /// <summary>An external endpoint: an address, or a CIDR represented by its first address.</summary>
    public static IPAddress ParseExternal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
        {
            return address;
        }

        if (IPNetwork.TryParse(text, out var network))
        {
            return network.BaseAddress;
        }

        throw new NetpolException($"--external {text}: not an IP address or CIDR");
    }
}
