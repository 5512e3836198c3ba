using System.Text.Json;
using Netpol.Analysis.Matrix;
using Netpol.Cli.Tests;
using Netpol.Core.Engine;
using Netpol.Core.Model;
using Netpol.Core.Tests.Properties;
using Netpol.Lab.Network;
using Netpol.Lab.Probing;
using Netpol.Lab.Traffic;

namespace Netpol.Lab.Tests.Lab;

/// <summary>
/// The kernel against the engine: every bundled example and random clusters run through the lab, and the observed
/// matrix must equal the engine's. Sabotaged rules must be caught, so agreement is not a foregone conclusion.
/// </summary>
[Collection("lab")]
public sealed class LabRunTests
{
    public static TheoryData<string> Examples() => Tests.Examples.Names();

    [LabTheory]
    [MemberData(nameof(Examples))]
    public void Kernel_agrees_with_the_engine_on_every_bundled_example(string example)
    {
        var (exit, output, error) = CliRunner.Run("lab", "run", "-f", $"example:{example}", "-o", "json");
        Assert.True(exit == 0, $"{error}\n{output}");
        using var lab = JsonDocument.Parse(output);
        Assert.True(lab.RootElement.GetProperty("agree").GetBoolean());

        // The observed cells are the engine's cells, in matrix's own JSON, for every probe TCP and UDP could make.
        var ports = lab.RootElement.GetProperty("cells").EnumerateArray()
            .Select(c => $"{c.GetProperty("port").GetInt32()}/{c.GetProperty("protocol").GetString()}").Distinct().ToList();
        var args = new List<string> { "matrix", "-f", $"example:{example}", "-o", "json" };
        foreach (var p in ports)
        {
            args.Add("--port");
            args.Add(p);
        }

        using var matrix = JsonDocument.Parse(CliRunner.Run([.. args]).Out);
        var expected = matrix.RootElement.GetProperty("cells").EnumerateArray().ToList();
        var observed = lab.RootElement.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(expected.Count, observed.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (observed[i].TryGetProperty("unsupported", out _))
            {
                Assert.Equal("SCTP", observed[i].GetProperty("protocol").GetString());
                continue;
            }

            Assert.Equal(expected[i].GetRawText(), observed[i].GetRawText());
        }
    }

    public static TheoryData<string> Tiered() => TierScenarios.Names();

    [LabTheory]
    [MemberData(nameof(Tiered))]
    public void Kernel_agrees_with_the_engine_on_every_tiered_scenario(string scenario)
    {
        var probes = TierScenarios.ProbeArguments(scenario);
        var (exit, output, error) = CliRunner.Run(["lab", "run", "-f", TierScenarios.Manifests(scenario), "-o", "json", .. probes]);
        Assert.True(exit == 0, $"{error}\n{output}");
        using var lab = JsonDocument.Parse(output);
        Assert.True(lab.RootElement.GetProperty("agree").GetBoolean(), output);

        // Cell by cell, the kernel's matrix is netpol matrix's JSON.
        using var matrix = JsonDocument.Parse(CliRunner.Run(["matrix", "-f", TierScenarios.Manifests(scenario), "-o", "json", .. probes]).Out);
        var expected = matrix.RootElement.GetProperty("cells").EnumerateArray().Select(c => c.GetRawText()).ToList();
        var observed = lab.RootElement.GetProperty("cells").EnumerateArray().Select(c => c.GetRawText()).ToList();
        Assert.Equal(expected, observed);
    }

    [LabFact]
    public async Task Kernel_agrees_with_the_engine_on_random_tiered_clusters()
    {
        // Seeds whose cluster network policies change some verdict of the probes: tiers that decide nothing would
        // prove nothing. Twenty of them, the first found from seed 1 on (deterministic).
        var failures = new List<string>();
        var exercised = 0;
        var attempts = 0;
        for (var seed = 1; exercised < 20 && seed <= 400; seed++)
        {
            var cluster = RandomClusters.Generate(seed, clusterPolicies: true);
            // Externals may sit at a node's address: that is how a nodes peer meets an address outside the pods.
            var taken = cluster.Pods.SelectMany(p => p.IPs).ToHashSet();
            var peers = RandomClusters.Externals.Where(a => !taken.Contains(a)).ToList();
            var probes = LabProbes.Default(cluster).Where(p => p.Protocol != Protocol.SCTP).Take(6).ToList();
            if (!cluster.HasClusterPolicies || !TiersDecideSomething(cluster, peers, probes))
            {
                continue;
            }

            exercised++;
            var options = new MatrixOptions { Probes = probes, Externals = peers.Select(a => a.ToString()).ToList() };
            var plan = LabPlan.Create(cluster, peers, probes);
            var result = await LabSession.RunAsync(plan, options, TimeSpan.FromMilliseconds(500), CancellationToken.None);
            attempts += result.Attempts;
            failures.AddRange(result.Disagreements.Select(d =>
                $"seed {seed}: {d.From} -> {d.To} on {d.Probe}: engine {(d.EngineAllowed ? "allowed" : "denied")}, kernel {d.Observed.Detail}\n  "
                + string.Join("\n  ", d.EgressRules.Concat(d.IngressRules))));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(20, exercised);
        Assert.True(attempts > 300, $"only {attempts} probes were made");
        Assert.Empty(LabNetwork.Existing());
    }

    /// <summary>True when some probe between two endpoints gets another verdict once the tiers are dropped.</summary>
    private static bool TiersDecideSomething(Cluster cluster, IReadOnlyList<System.Net.IPAddress> externals, IReadOnlyList<Probe> probes)
    {
        var tiered = new Netpol.Core.Reference.ReferenceEvaluator(cluster);
        var plain = new Netpol.Core.Reference.ReferenceEvaluator(new Cluster(cluster.Namespaces, cluster.Pods, cluster.Policies));
        var endpoints = cluster.Pods.Select(Endpoint.ForPod).Concat(externals.Select(Endpoint.ForAddress)).ToList();
        foreach (var a in endpoints)
        {
            foreach (var b in endpoints)
            {
                var with = tiered.AllowedPorts(a, b);
                var without = plain.AllowedPorts(a, b);
                if (probes.Any(p => with.Contains(p.Port, p.Protocol) != without.Contains(p.Port, p.Protocol)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [LabFact]
    public async Task Kernel_agrees_with_the_engine_on_random_clusters()
    {
        var failures = new List<string>();
        var attempts = 0;
        for (var seed = 1; seed <= 60; seed++)
        {
            var cluster = RandomClusters.Generate(seed);

            // An external peer cannot share a pod's address in a real network (or in the lab).
            var taken = cluster.Pods.SelectMany(p => p.IPs).ToHashSet();
            var peers = RandomClusters.Externals.Where(a => !taken.Contains(a)).ToList();
            var probes = LabProbes.Default(cluster).Where(p => p.Protocol != Protocol.SCTP).Take(6).ToList();
            var options = new MatrixOptions { Probes = probes, Externals = peers.Select(a => a.ToString()).ToList() };
            var plan = LabPlan.Create(cluster, peers, probes);
            var result = await LabSession.RunAsync(plan, options, TimeSpan.FromMilliseconds(500), CancellationToken.None);
            attempts += result.Attempts;
            failures.AddRange(result.Disagreements.Select(d => $"seed {seed}: {d.From} -> {d.To} on {d.Probe}: engine {(d.EngineAllowed ? "allowed" : "denied")}, kernel {d.Observed.Detail}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(attempts > 1000, $"only {attempts} probes were made");
        Assert.Empty(LabNetwork.Existing());
    }

    [LabFact]
    public async Task A_sabotaged_ruleset_is_caught_and_explained()
    {
        var loaded = Netpol.Manifests.Loading.ManifestLoader.Load(["example:three-tier-app"], new Netpol.Manifests.Loading.LoadOptions());
        var cluster = loaded.Cluster;
        var probe = new Probe(8080, Protocol.TCP);
        var plan = LabPlan.Create(cluster, [], [probe]);
        var backend = cluster.FindPod("webshop/deploy/backend")!;
        var address = plan.Addresses.AddressesOf(backend)[0];
        try
        {
            LabNetwork.Up(plan);
            using var listeners = LabListeners.Start(plan.Hosts);

            // A rule the compiler did not write: it drops what the policies allow (frontend -> backend on 8080).
            LabTools.Run("ip", ["netns", "exec", LabPlan.NodeNetns, "nft", $"insert rule inet netpol forward_ingress ip daddr {address} tcp dport 8080 drop"]);
            var result = await LabProbeAnalysis.RunAsync(plan, new MatrixOptions { Probes = [probe] }, TimeSpan.FromMilliseconds(300), CancellationToken.None);
            var d = Assert.Single(result.Disagreements);
            Assert.Equal("webshop/deploy/frontend", d.From);
            Assert.Equal("webshop/deploy/backend", d.To);
            Assert.True(d.EngineAllowed);
            Assert.Equal(ProbeVerdict.Denied, d.Observed.Verdict);
            Assert.Equal(1, result.Retried);
            Assert.Contains(d.IngressRules, r => r.Contains("backend-traffic ingress[0]", StringComparison.Ordinal));
            Assert.False(result.Observed.Cells.Single(c => c.From == d.From && c.To == d.To).Allowed);
        }
        finally
        {
            LabNetwork.Down();
        }
    }

    [LabFact]
    public void Unsupported_protocols_are_reported_as_unsupported_not_denied()
    {
        var (exit, output, error) = CliRunner.Run("lab", "run", "-f", "example:allow-one-app", "--port", "80", "--protocol", "TCP", "--protocol", "SCTP", "-o", "json");
        Assert.True(exit == 0, error);
        using var doc = JsonDocument.Parse(output);
        foreach (var cell in doc.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("protocol").GetString() == "SCTP"))
        {
            if (LabSockets.Unsupported(Protocol.SCTP) is { } why)
            {
                Assert.Equal(JsonValueKind.Null, cell.GetProperty("allowed").ValueKind);
                Assert.Equal(why, cell.GetProperty("unsupported").GetString());
            }
            else
            {
                Assert.NotEqual(JsonValueKind.Null, cell.GetProperty("allowed").ValueKind);
            }
        }
    }

    [LabFact]
    public void Text_output_shows_the_observed_matrix_and_the_agreement()
    {
        var (exit, output, _) = CliRunner.Run("lab", "run", "-f", "example:three-tier-app", "--port", "8080");
        Assert.Equal(0, exit);
        Assert.Contains("observed on the kernel:", output, StringComparison.Ordinal);
        Assert.Contains("8080/TCP", output, StringComparison.Ordinal);
        Assert.Contains("kernel and engine agree on every probe: 16 connection attempts", output, StringComparison.Ordinal);
    }

    [LabFact]
    public void Lab_test_runs_the_spec_on_the_kernel_with_the_same_outputs()
    {
        var spec = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "examples", "three-tier-app", "tests.yaml");
        var engine = CliRunner.Run("test", "-f", "example:three-tier-app", spec, "-o", "junit");
        var kernel = CliRunner.Run("lab", "test", "-f", "example:three-tier-app", spec, "-o", "junit");
        Assert.Equal(engine.Exit, kernel.Exit);
        Assert.Contains("<testsuite", kernel.Out, StringComparison.Ordinal);

        // A wrong expectation fails on the kernel too, and the failure says what the probe saw.
        var wrong = Path.Combine(Path.GetTempPath(), $"netpol-lab-spec-{Environment.ProcessId}.yaml");
        File.WriteAllText(wrong, "tests:\n- name: frontend skips the backend\n  from: webshop/deploy/frontend\n  to: webshop/sts/database\n  port: 5432\n  expect: allow\n");
        try
        {
            var (exit, output, _) = CliRunner.Run("lab", "test", "-f", "example:three-tier-app", wrong);
            Assert.Equal(1, exit);
            Assert.Contains("note: kernel: denied (no answer within 1000 ms)", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(wrong);
        }
    }
}
