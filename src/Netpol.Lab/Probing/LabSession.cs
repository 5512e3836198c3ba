using Netpol.Analysis.Check;
using Netpol.Analysis.Matrix;
using Netpol.Analysis.Testing;
using Netpol.Core.Engine;
using Netpol.Core.Model;
using Netpol.Lab.Network;
using Netpol.Lab.Traffic;

namespace Netpol.Lab.Probing;

/// <summary>
/// A whole lab session in this process: up (namespaces, rules, listeners), probe, down. The lab is removed when the
/// session ends, whether it ends normally, by an error, or by cancellation (Ctrl-C, SIGTERM).
/// </summary>
public static class LabSession
{
    /// <summary><c>netpol lab run</c>: the observed matrix and its comparison with the engine.</summary>
    public static async Task<LabProbeResult> RunAsync(LabPlan plan, MatrixOptions options, TimeSpan timeout, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(plan);
        try
        {
            LabNetwork.Up(plan);
            using var listeners = LabListeners.Start(plan.Hosts);
            return await LabProbeAnalysis.RunAsync(plan, options, timeout, cancel).ConfigureAwait(false);
        }
        finally
        {
            LabNetwork.Down();
        }
    }

    /// <summary>
    /// <c>netpol lab test</c>: every pair the engine's test run resolved is probed on the kernel, and the kernel's
    /// verdict replaces the engine's. Each case gets a note with what the probe saw, and says so when the engine
    /// disagreed. A probe that cannot be made here (SCTP without kernel support) keeps the engine's verdict, with
    /// a note that it was not probed.
    /// </summary>
    public static async Task<TestRun> TestAsync(Cluster cluster, TestRun run, TimeSpan timeout, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(run);
        var cases = run.Results.SelectMany(r => r.Check.Cases).ToList();
        var externals = cases.SelectMany(c => new[] { c.Explanation.From, c.Explanation.To }).Where(e => e.Pod is null).Select(e => e.Address!).Distinct().ToList();
        var probes = cases.Select(c => new Probe(c.Explanation.Port, c.Explanation.Protocol)).Distinct().ToList();
        var plan = LabPlan.Create(cluster, externals, probes);
        var pairs = cases.Select(c => new LabProbeAnalysis.PairProbe(c.Explanation.From, c.Explanation.To, new Probe(c.Explanation.Port, c.Explanation.Protocol), c.Explanation.Allowed)).ToList();
        ProbeOutcome[] outcomes;
        try
        {
            LabNetwork.Up(plan);
            using var listeners = LabListeners.Start(plan.Hosts);
            (outcomes, _, _) = await LabProbeAnalysis.ProbePairsAsync(plan, pairs, timeout, cancel).ConfigureAwait(false);
        }
        finally
        {
            LabNetwork.Down();
        }

        var next = 0;
        var results = new List<TestResult>();
        foreach (var result in run.Results)
        {
            var replaced = new List<CheckCase>();
            foreach (var c in result.Check.Cases)
            {
                var outcome = outcomes[next++];
                var e = c.Explanation;
                if (outcome.Verdict == ProbeVerdict.Unsupported)
                {
                    replaced.Add(c with { Explanation = e with { Notes = [.. e.Notes, $"kernel: not probed ({outcome.Detail}); the verdict is the engine's"] } });
                    continue;
                }

                var allowed = outcome.Verdict == ProbeVerdict.Allowed;
                var note = $"kernel: {(allowed ? "allowed" : "denied")} ({outcome.Detail})";
                if (allowed != e.Allowed)
                {
                    note += $"; the engine says {(e.Allowed ? "allowed" : "denied")}";
                }

                replaced.Add(c with { Explanation = e with { Allowed = allowed, Notes = [.. e.Notes, note] } });
            }

            results.Add(result with { Check = result.Check with { Cases = replaced } });
        }

        return new TestRun(results, run.Diagnostics);
    }
}
