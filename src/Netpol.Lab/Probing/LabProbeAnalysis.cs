using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Netpol.Analysis.Matrix;
using Netpol.Core.Engine;
using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Lab.Network;
using Netpol.Lab.Traffic;

namespace Netpol.Lab.Probing;

/// <summary>
/// Probes a running lab for every (source, destination, probe) of the matrix selection and compares each verdict with
/// the engine's. A pod pair is probed between addresses of one family (IPv4 when both ends have one, else IPv6).
/// A denial that contradicts the engine is tried again with three times the timeout before it is reported, so a
/// slow machine cannot pass for a dropping rule; an allowed probe needs no second look.
/// </summary>
public static class LabProbeAnalysis
{
    /// <summary>One probe of one pod pair, with the engine's verdict on it.</summary>
    internal sealed record PairProbe(Endpoint From, Endpoint To, Probe Probe, bool Engine);

    /// <summary>Runs the probes. The lab of <paramref name="plan"/> must be up with its listeners.</summary>
    public static async Task<LabProbeResult> RunAsync(LabPlan plan, MatrixOptions options, TimeSpan timeout, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var cluster = plan.Cluster;
        var endpoints = MatrixAnalysis.Endpoints(cluster, options);
        var engine = new FastEngine(cluster);
        var members = endpoints.SelectMany(e => e.Members).Distinct().ToList();
        var expected = new Dictionary<(Endpoint, Endpoint), PortSet>();
        PortSet Expected(Endpoint a, Endpoint b)
        {
            if (!expected.TryGetValue((a, b), out var set))
            {
                set = engine.AllowedPorts(a, b);
                expected[(a, b)] = set;
            }

            return set;
        }

        var pairs = new List<PairProbe>();
        foreach (var a in members)
        {
            foreach (var b in members)
            {
                foreach (var probe in options.Probes)
                {
                    pairs.Add(new PairProbe(a, b, probe, Expected(a, b).Contains(probe.Port, probe.Protocol)));
                }
            }
        }

        var (outcomes, attempts, retried) = await ProbePairsAsync(plan, pairs, timeout, cancel).ConfigureAwait(false);
        var observed = new Dictionary<(Endpoint, Endpoint, Probe), ProbeOutcome>();
        for (var i = 0; i < pairs.Count; i++)
        {
            observed[(pairs[i].From, pairs[i].To, pairs[i].Probe)] = outcomes[i];
        }

        ProbeOutcome Observed(Endpoint a, Endpoint b, Probe p) => observed[(a, b, p)];

        var observedCells = new List<MatrixCell>();
        var engineCells = new List<MatrixCell>();
        var disagreements = new List<LabDisagreement>();
        var explainer = new Explainer(cluster);
        foreach (var row in endpoints)
        {
            foreach (var col in endpoints)
            {
                foreach (var probe in options.Probes)
                {
                    var seen = new List<ProbeOutcome>();
                    var allowedByEngine = 0;
                    foreach (var a in row.Members)
                    {
                        foreach (var b in col.Members)
                        {
                            var outcome = Observed(a, b, probe);
                            seen.Add(outcome);
                            var engineSays = Expected(a, b).Contains(probe.Port, probe.Protocol);
                            allowedByEngine += engineSays ? 1 : 0;
                            if (outcome.Verdict != ProbeVerdict.Unsupported && (outcome.Verdict == ProbeVerdict.Allowed) != engineSays)
                            {
                                var plane = plan.Rules;
                                disagreements.Add(new LabDisagreement(
                                    a.Name,
                                    b.Name,
                                    probe,
                                    engineSays,
                                    outcome,
                                    explainer.Explain(a, b, probe.Port, probe.Protocol),
                                    a.Pod is { } pa ? plane.RulesFor(pa, Direction.Egress) : [],
                                    b.Pod is { } pb ? plane.RulesFor(pb, Direction.Ingress) : []));
                            }
                        }
                    }

                    engineCells.Add(Cell(row.Name, col.Name, probe, allowedByEngine, seen.Count));
                    var unsupported = seen.FirstOrDefault(o => o.Verdict == ProbeVerdict.Unsupported);
                    var allowed = seen.Count(o => o.Verdict == ProbeVerdict.Allowed);
                    observedCells.Add(Cell(row.Name, col.Name, probe, allowed, seen.Count) with { Unsupported = unsupported?.Detail });
                }
            }
        }

        return new LabProbeResult(
            new MatrixResult(endpoints, options.Probes, observedCells),
            new MatrixResult(endpoints, options.Probes, engineCells),
            disagreements,
            attempts,
            outcomes.Count(o => o.Verdict == ProbeVerdict.Unsupported),
            retried,
            clock.Elapsed);
    }

    /// <summary>
    /// Probes pod pairs (the same pair and probe only once) and returns the outcomes in order, how many attempts
    /// were made, and how many contradicting denials were tried again with three times the timeout.
    /// </summary>
    internal static async Task<(ProbeOutcome[] Outcomes, int Attempts, int Retried)> ProbePairsAsync(LabPlan plan, IReadOnlyList<PairProbe> pairs, TimeSpan timeout, CancellationToken cancel)
    {
        var requests = new List<ProbeRequest>();
        var engineSays = new List<bool>();
        var slot = new Dictionary<(LabHost, IPAddress, Probe), int>();
        var outcomes = new ProbeOutcome[pairs.Count];
        var request = new int[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var (a, b, probe, engine) = pairs[i];
            var from = plan.HostOf(a);
            var to = plan.HostOf(b);
            if (AddressFor(from, b, plan) is not { } address)
            {
                outcomes[i] = new ProbeOutcome(ProbeVerdict.Unsupported, "no common address family: the two ends cannot talk");
                request[i] = -1;
                continue;
            }

            if (!slot.TryGetValue((from, address, probe), out var r))
            {
                r = requests.Count;
                slot[(from, address, probe)] = r;
                requests.Add(new ProbeRequest(from, to, address, probe));
                engineSays.Add(engine);
            }

            engineSays[r] |= engine;
            request[i] = r;
        }

        var results = await LabProber.RunAsync(requests, timeout, cancel).ConfigureAwait(false);
        var retry = Enumerable.Range(0, requests.Count).Where(r => results[r].Verdict == ProbeVerdict.Denied && engineSays[r]).ToList();
        if (retry.Count > 0)
        {
            var again = await LabProber.RunAsync(retry.Select(r => requests[r]).ToList(), timeout * 3, cancel).ConfigureAwait(false);
            for (var i = 0; i < retry.Count; i++)
            {
                results[retry[i]] = again[i];
            }
        }

        for (var i = 0; i < pairs.Count; i++)
        {
            if (request[i] >= 0)
            {
                outcomes[i] = results[request[i]];
            }
        }

        return (outcomes, requests.Count, retry.Count);
    }

    private static MatrixCell Cell(string from, string to, Probe probe, int allowed, int total)
    {
        var all = allowed == total && total > 0;
        return new MatrixCell(from, to, probe, all, allowed > 0 && !all, all ? PortSet.Of(probe.Protocol, probe.Port, probe.Port) : PortSet.Empty);
    }

    /// <summary>The destination address to probe: IPv4 when both hosts have it, else IPv6, else none.</summary>
    private static IPAddress? AddressFor(LabHost from, Endpoint destination, LabPlan plan)
    {
        IReadOnlyList<IPAddress> targets = destination.Pod is { } pod ? plan.Addresses.AddressesOf(pod) : [destination.Address!];
        foreach (var family in new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 })
        {
            if (from.Addresses.Any(a => a.AddressFamily == family) && targets.FirstOrDefault(a => a.AddressFamily == family) is { } target)
            {
                return target;
            }
        }

        return null;
    }
}
