using System.Text.Json.Nodes;
using Netpol.LiveCluster.Reading;
using Netpol.LiveCluster.Tests.Fake;

namespace Netpol.LiveCluster.Tests.Cli;

/// <summary>
/// A live cluster with cluster network policies (current and legacy kinds) and a policy with a <c>nodes</c> peer:
/// the reader lists the nodes, and the answers equal those for the same objects given with <c>-f</c>.
/// </summary>
public sealed class TieredLiveClusterTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private FakeApiServer _server = null!;
    private string _kubeconfig = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeApiServer.StartAsync("tiers-live");
        _kubeconfig = _server.WriteKubeconfig(_dir.Path);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Matrix_json_of_a_tiered_live_cluster_equals_matrix_json_of_the_same_objects_from_a_file()
    {
        // Given the fixture's objects also written as one manifest file
        var file = Path.Combine(_dir.Path, "tiers.json");
        File.WriteAllText(file, ManifestOfFixture("tiers-live"));

        // When both are analysed
        var live = CliRunner.Run("matrix", "--kubeconfig", _kubeconfig, "-A", "-o", "json");
        var local = CliRunner.Run("matrix", "-f", file, "-o", "json");

        // Then they answer alike, and the node deny made a difference (webshop cannot reach the hostNetwork kube-proxy)
        Assert.Equal(0, live.Exit);
        Assert.Equal(0, local.Exit);
        Assert.Equal(local.Out, live.Out);
        Assert.DoesNotContain("does not analyse", live.Error, StringComparison.Ordinal);
        Assert.NotEmpty(_server.RequestsTo("/api/v1/nodes"));
    }

    [Fact]
    public void Node_deny_and_legacy_admin_policy_decide_check_verdicts_on_the_live_cluster()
    {
        var toNode = CliRunner.Run("check", "--kubeconfig", _kubeconfig, "--from", "webshop/deploy/backend", "--to", "kube-system/ds/kube-proxy", "--port", "10256");
        var dnsUdp = CliRunner.Run("check", "--kubeconfig", _kubeconfig, "--from", "webshop/deploy/backend", "--to", "kube-system/deploy/coredns", "--port", "53/UDP");
        var dnsTcp = CliRunner.Run("check", "--kubeconfig", _kubeconfig, "--from", "webshop/deploy/backend", "--to", "kube-system/deploy/coredns", "--port", "53");

        Assert.Equal(1, toNode.Exit);
        Assert.Equal(0, dnsUdp.Exit);
        Assert.Equal(1, dnsTcp.Exit); // the AdminNetworkPolicy accepts only UDP 53 into kube-system, then denies
    }

    [Fact]
    public async Task Nodes_are_read_only_when_a_cluster_policy_has_a_nodes_peer()
    {
        await using var plain = await FakeApiServer.StartAsync();
        var dir = Path.Combine(_dir.Path, "plain");
        Directory.CreateDirectory(dir);

        var withNodes = await ClusterReader.ReadAsync(Options(_kubeconfig));
        var without = await ClusterReader.ReadAsync(Options(plain.WriteKubeconfig(dir)));

        var node = Assert.Single(withNodes.Objects, o => o["kind"]!.GetValue<string>() == "Node");
        Assert.Equal("172.18.0.3", node["status"]!["addresses"]![0]!["address"]!.GetValue<string>());
        Assert.Null(node["status"]!["capacity"]); // trimmed to labels and addresses
        Assert.Null(node["spec"]);
        Assert.Empty(plain.RequestsTo("/api/v1/nodes"));
        Assert.DoesNotContain(without.Objects, o => o["kind"]!.GetValue<string>() == "Node");
    }

    [Fact]
    public async Task Nodes_the_user_may_not_list_are_a_note_not_a_failure()
    {
        _server.Fail("/api/v1/nodes", new Fault(403));

        var snapshot = await ClusterReader.ReadAsync(Options(_kubeconfig));

        Assert.Contains(snapshot.Notes, n => n.StartsWith("Node objects were not read, so nodes peers of cluster network policies match no address: cannot list nodes: forbidden by RBAC", StringComparison.Ordinal));
        Assert.DoesNotContain(snapshot.Objects, o => o["kind"]!.GetValue<string>() == "Node");
    }

    private static ClusterSourceOptions Options(string kubeconfig) => new()
    {
        Kubeconfig = kubeconfig,
        AllNamespaces = true,
        Environment = _ => null,
        IsInCluster = () => false,
    };

    /// <summary>The fixture's lists as one v1 List, each item with its kind; finished pods left out as the reader does.</summary>
    private static string ManifestOfFixture(string fixture)
    {
        var items = new JsonArray();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture), "*.json").Order(StringComparer.Ordinal))
        {
            var list = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            var kind = list["kind"]!.GetValue<string>()[..^"List".Length];
            foreach (var item in list["items"]!.AsArray().OfType<JsonObject>())
            {
                if (item["status"]?["phase"]?.GetValue<string>() is "Succeeded" or "Failed")
                {
                    continue;
                }

                var copy = item.DeepClone().AsObject();
                copy["apiVersion"] = list["apiVersion"]!.GetValue<string>();
                copy["kind"] = kind;
                items.Add((JsonNode)copy);
            }
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "List", ["items"] = items }.ToJsonString();
    }
}
