using System.Text.Json;
using Netpol.LiveCluster.Tests.Fake;

namespace Netpol.LiveCluster.Tests.Cli;

/// <summary>Commands without -f read the fake cluster; snapshots load back through -f with the same answers.</summary>
public sealed class LiveClusterCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private FakeApiServer _server = null!;
    private string _kubeconfig = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeApiServer.StartAsync();
        _kubeconfig = _server.WriteKubeconfig(_dir.Path);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Matrix_reads_the_cluster_when_no_file_is_given()
    {
        var (exit, output, error) = CliRunner.Run("matrix", "--kubeconfig", _kubeconfig, "-A", "--port", "5432");

        Assert.Equal(0, exit);
        Assert.Contains("webshop/backend-79cf8d5b96-2hj7v", output, StringComparison.Ordinal);
        Assert.Contains("note: skipped 1 finished pod (phase Succeeded or Failed)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("does not analyse", error, StringComparison.Ordinal); // cluster network policies are analysed
        // Plain progress lines, since stderr is not a terminal; pods count as listed (the finished one included).
        Assert.Contains("netpol: read 11 pods (", error, StringComparison.Ordinal);
        Assert.Contains("netpol: read 24 objects from context \"fake\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void KUBECONFIG_is_the_default_kubeconfig()
    {
        var env = new Dictionary<string, string> { ["KUBECONFIG"] = _kubeconfig };

        var (exit, output, _) = CliRunner.Run(env, "coverage", "-o", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Contains("webshop", output, StringComparison.Ordinal);
        Assert.DoesNotContain("kube-system/coredns", output, StringComparison.Ordinal); // the context's namespace only
    }

    [Fact]
    public void Check_reads_the_namespaces_of_its_endpoints_and_groups_pods_by_workload()
    {
        var denied = CliRunner.Run("check", "--kubeconfig", _kubeconfig, "--from", "webshop/deploy/frontend", "--to", "webshop/sts/database", "--port", "5432");
        var dns = CliRunner.Run("check", "--kubeconfig", _kubeconfig, "--from", "webshop/deploy/backend", "--to", "kube-system/deploy/coredns", "--port", "53/UDP");

        Assert.Equal(1, denied.Exit);
        Assert.StartsWith("DENIED: webshop/deploy/frontend -> webshop/sts/database: 0 of 3 pod pairs allowed", denied.Out, StringComparison.Ordinal);
        Assert.Equal(0, dns.Exit);
        Assert.StartsWith("ALLOWED: webshop/deploy/backend -> kube-system/deploy/coredns: 6 of 6 pod pairs allowed", dns.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_cluster_built_from_an_example_answers_like_the_example()
    {
        string[] args = ["matrix", "--by", "workload", "-n", "webshop", "--port", "5432", "--port", "8080", "-o", "json"];

        var live = CliRunner.Run([.. args, "--kubeconfig", _kubeconfig]);
        var example = CliRunner.Run([.. args, "-f", "example:three-tier-app"]);

        // The example has one synthetic pod per workload, the cluster several real ones: only a workload's cell to
        // itself differs (pods of one Deployment reach themselves but not each other).
        Assert.Equal(0, live.Exit);
        Assert.Equal(Endpoints(example.Out), Endpoints(live.Out));
        Assert.Equal(OffDiagonalCells(example.Out), OffDiagonalCells(live.Out));
        Assert.Equal(12, OffDiagonalCells(live.Out).Count); // 3 workloads, 2 ports
    }

    private static List<string> Endpoints(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("endpoints").EnumerateArray().Select(e => e.ToString()).ToList();
    }

    private static List<string> OffDiagonalCells(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("from").GetString() != c.GetProperty("to").GetString())
            .Select(c => c.ToString())
            .ToList();
    }

    [Fact]
    public void A_snapshot_loads_back_with_identical_matrix_json()
    {
        var file = _dir.File("cluster.yaml");

        var snapshot = CliRunner.Run("snapshot", "--kubeconfig", _kubeconfig, "-A", "-o", file);
        var live = CliRunner.Run("matrix", "--kubeconfig", _kubeconfig, "-A", "-o", "json");
        var offline = CliRunner.Run("matrix", "-f", file, "-o", "json");
        var liveWorkloads = CliRunner.Run("matrix", "--kubeconfig", _kubeconfig, "-A", "--by", "workload", "-o", "json");
        var offlineWorkloads = CliRunner.Run("matrix", "-f", file, "--by", "workload", "-o", "json");

        Assert.Equal(0, snapshot.Exit);
        Assert.Contains($"netpol: wrote 24 objects to {file}; load them with -f {file}", snapshot.Error, StringComparison.Ordinal);
        Assert.Equal(0, offline.Exit);
        Assert.Equal(live.Out, offline.Out);
        Assert.Equal(liveWorkloads.Out, offlineWorkloads.Out);
        Assert.DoesNotContain("error", offline.Error, StringComparison.OrdinalIgnoreCase);
        var text = File.ReadAllText(file);
        Assert.StartsWith("# netpol snapshot of context \"fake\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("managedFields", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_validates_with_no_errors()
    {
        var file = _dir.File("cluster.yaml");
        CliRunner.Run("snapshot", "--kubeconfig", _kubeconfig, "-A", "-o", file);

        var (exit, output, error) = CliRunner.Run("validate", "-f", file);

        Assert.True(exit == 0, error);
        Assert.StartsWith("valid:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_redacted_snapshot_hides_names_and_ips_but_keeps_the_answers()
    {
        var file = _dir.File("redacted.yaml");

        var snapshot = CliRunner.Run("snapshot", "--kubeconfig", _kubeconfig, "-A", "--redact", "-o", file);
        var live = CliRunner.Run("matrix", "--kubeconfig", _kubeconfig, "-A", "-o", "summary");
        var offline = CliRunner.Run("matrix", "-f", file, "-o", "summary");
        var liveWorkloads = CliRunner.Run("matrix", "--kubeconfig", _kubeconfig, "-A", "--by", "workload", "-o", "json");
        var offlineWorkloads = CliRunner.Run("matrix", "-f", file, "--by", "workload", "-o", "json");

        Assert.Equal(0, snapshot.Exit);
        var text = File.ReadAllText(file);
        foreach (var secret in (string[])["webshop", "frontend", "backend", "database", "coredns", "10.244.", "10.96.", "172.18.", "registry.example.com", "fake", "127.0.0.1"])
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Contains("tier: presentation", text, StringComparison.Ordinal); // labels that name nothing are kept
        Assert.Equal(0, offline.Exit);
        Assert.Equal(live.Out, offline.Out);
        using var a = JsonDocument.Parse(liveWorkloads.Out);
        using var b = JsonDocument.Parse(offlineWorkloads.Out);
        Assert.Equal(
            a.RootElement.GetProperty("cells").EnumerateArray().Count(c => c.GetProperty("ports").GetArrayLength() > 0),
            b.RootElement.GetProperty("cells").EnumerateArray().Count(c => c.GetProperty("ports").GetArrayLength() > 0));
        Assert.Equal(a.RootElement.GetProperty("endpoints").GetArrayLength(), b.RootElement.GetProperty("endpoints").GetArrayLength());
    }

    [Fact]
    public void Describe_reads_the_namespace_it_names()
    {
        var pod = CliRunner.Run("describe", "pod", "webshop/database-0", "--kubeconfig", _kubeconfig, "-o", "json");
        var ns = CliRunner.Run("describe", "namespace", "kube-system", "--kubeconfig", _kubeconfig);

        Assert.True(pod.Exit == 0, pod.Error);
        Assert.Contains("database-ingress", pod.Out, StringComparison.Ordinal);
        Assert.True(ns.Exit == 0, ns.Error);
        Assert.Contains("kube-system", ns.Out, StringComparison.Ordinal);
        Assert.NotEmpty(_server.RequestsTo("/api/v1/namespaces/kube-system/pods"));
    }

    [Fact]
    public void Cluster_flags_with_files_are_refused()
    {
        var (exit, _, error) = CliRunner.Run("matrix", "-f", "example:three-tier-app", "--kubeconfig", _kubeconfig);

        Assert.Equal(2, exit);
        Assert.Equal("netpol: -f reads manifests, --kubeconfig/--context/-A/--request-timeout read a live cluster: give one or the other\n", error);
    }

    [Fact]
    public void Neither_files_nor_a_cluster_says_how_to_give_one()
    {
        var (exit, output, error) = CliRunner.Run("lint");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("netpol: no manifests and no cluster: give manifests with -f PATH", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rbac_errors_reach_the_user_as_one_line_with_exit_2()
    {
        _server.Fail("/apis/networking.k8s.io/v1/namespaces/webshop/networkpolicies", new Fault(403));

        var (exit, output, error) = CliRunner.Run("lint", "--kubeconfig", _kubeconfig);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("netpol: cannot list networkpolicies in namespace webshop: forbidden by RBAC", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_timeout_takes_kubectl_durations()
    {
        _server.Fail("/api/v1/namespaces", new Fault(Delay: TimeSpan.FromSeconds(5)));

        var (exit, _, error) = CliRunner.Run("validate", "--kubeconfig", _kubeconfig, "--request-timeout", "300ms");

        Assert.True(exit == 0, error);
        Assert.Equal(2, _server.RequestsTo("/api/v1/namespaces").Count);
    }
}
