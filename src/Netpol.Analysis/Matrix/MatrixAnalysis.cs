using System.Net;
using Netpol.Analysis.Cni;
using Netpol.Core;
using Netpol.Core.Engine;
using Netpol.Core.Model;
using Netpol.Core.Profiles;
using Netpol.Core.Reference;

namespace Netpol.Analysis.Matrix;

/// <summary>Runs <c>netpol matrix</c>: who can reach whom, per probe or on any port.</summary>
public static class MatrixAnalysis
{
    /// <summary>Creates the engine the options ask for.</summary>
    public static IConnectivityEngine CreateEngine(Cluster cluster, EngineKind kind) =>
        kind == EngineKind.Reference ? new ReferenceEvaluator(cluster) : new FastEngine(cluster);

    /// <summary>A factory for the engine the options ask for.</summary>
    public static Func<Cluster, IConnectivityEngine> EngineFactory(EngineKind kind) => c => CreateEngine(c, kind);

    /// <summary>
    /// The matrix over the selected endpoints, as the options' network plugin profile enforces it. Under a plugin
    /// profile, cells whose verdict differs from upstream semantics carry the portable verdict and the reasons, and
    /// the result lists them as <see cref="MatrixResult.Differences"/>.
    /// </summary>
    public static MatrixResult Run(Cluster cluster, MatrixOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        var profile = options.Cni.Profile;
        var comparer = profile.IsPortable ? null : new CniComparer(cluster, [CniProfiles.Portable, profile], EngineFactory(options.Engine));
        var engine = comparer?.EngineFor(profile) ?? CreateEngine(cluster, options.Engine);
        var endpoints = Endpoints(cluster, options);
        var cells = new List<MatrixCell>(endpoints.Count * endpoints.Count * Math.Max(1, options.Probes.Count));
        var differences = new List<CniDifference>();
        var filter = Filter(options);
        foreach (var row in endpoints)
        {
            foreach (var col in endpoints)
            {
                var pair = PairCells(engine, row, col, options.Probes, filter);
                if (comparer is null)
                {
                    cells.AddRange(pair);
                    continue;
                }

                var portable = PairCells(comparer.Portable, row, col, options.Probes, filter);
                for (var i = 0; i < pair.Count; i++)
                {
                    var c = pair[i];
                    if (SameVerdict(c, portable[i]))
                    {
                        cells.Add(c);
                        continue;
                    }

                    var reasons = Reasons(comparer, profile, row, col, Scope(c.Probe, filter));
                    cells.Add(c with { PortableAllowed = portable[i].Allowed, PortablePorts = portable[i].Ports, CniReasons = reasons });
                    differences.Add(new CniDifference(row.Name, col.Name, c.Probe,
                    [
                        new CniVerdict(CniProfiles.Portable.Name, portable[i].Allowed, portable[i].Ports, []),
                        new CniVerdict(profile.Name, c.Allowed, c.Ports, reasons),
                    ]));
                }
            }
        }

        return new MatrixResult(endpoints, options.Probes, cells)
        {
            Cni = profile.IsPortable ? null : profile.Name,
            Differences = differences,
            UndefinedOrders = UndefinedOrder.In(profile.IsPortable ? cluster : profile.Apply(cluster).Cluster),
        };
    }

    /// <summary>The cells of one row and column: one per probe, or one listing the allowed ports.</summary>
    internal static List<MatrixCell> PairCells(IConnectivityEngine engine, MatrixEndpoint row, MatrixEndpoint col, IReadOnlyList<Probe> probes, PortSet filter)
    {
        var sets = new List<PortSet>(row.Members.Count * col.Members.Count);
        foreach (var a in row.Members)
        {
            foreach (var b in col.Members)
            {
                sets.Add(engine.AllowedPorts(a, b).Intersect(filter));
            }
        }

        if (probes.Count == 0)
        {
            var all = sets.Aggregate((x, y) => x.Intersect(y));
            var any = sets.Aggregate((x, y) => x.Union(y));
            return [new MatrixCell(row.Name, col.Name, null, !all.IsEmpty, !all.Equals(any), all)];
        }

        var cells = new List<MatrixCell>(probes.Count);
        foreach (var probe in probes)
        {
            var count = sets.Count(s => s.Contains(probe.Port, probe.Protocol));
            var allowed = count == sets.Count && count > 0;
            cells.Add(new MatrixCell(row.Name, col.Name, probe, allowed, count > 0 && !allowed, allowed ? PortSet.Of(probe.Protocol, probe.Port, probe.Port) : PortSet.Empty));
        }

        return cells;
    }

    /// <summary>The ports a cell's verdict is about: its probe, or every port the options keep.</summary>
    internal static PortSet Scope(Probe? probe, PortSet filter) => probe is { } p ? PortSet.Of(p.Protocol, p.Port, p.Port) : filter;

    /// <summary>The ports kept when cells list allowed ports: the protocols asked for, or all.</summary>
    internal static PortSet Filter(MatrixOptions options) => options.Protocols.Count == 0
        ? PortSet.All
        : PortSet.FromRanges(options.Protocols.Select(p => new PortRange(p, PortRange.MinPort, PortRange.MaxPort)));

    /// <summary>True when two cells give the same verdict (allowed, partial and ports).</summary>
    internal static bool SameVerdict(MatrixCell a, MatrixCell b) => a.Allowed == b.Allowed && a.Partial == b.Partial && a.Ports.Equals(b.Ports);

    /// <summary>Why a profile's cell differs from portable: the reasons of every pod pair of the cell, once each.</summary>
    internal static IReadOnlyList<ProfileEvidence> Reasons(CniComparer comparer, CniProfile profile, MatrixEndpoint row, MatrixEndpoint col, PortSet scope)
    {
        var reasons = new List<ProfileEvidence>();
        foreach (var a in row.Members)
        {
            foreach (var b in col.Members)
            {
                reasons.AddRange(comparer.Reasons(profile, a, b, scope).Where(r => !reasons.Any(x => x.Behaviour == r.Behaviour)));
            }
        }

        return [.. reasons.OrderBy(r => r.Behaviour)];
    }

    /// <summary>The counts of <c>-o summary</c>, computed without listing pairs.</summary>
    public static MatrixSummary Summarize(Cluster cluster, MatrixOptions options)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Cni.Profile.IsPortable || options.Cni.All)
        {
            throw new NetpolException("-o summary counts pairs under upstream semantics only; drop --cni or use another output");
        }

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
