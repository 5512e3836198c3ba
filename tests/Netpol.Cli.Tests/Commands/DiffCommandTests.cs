using System.Text.Json;

namespace Netpol.Cli.Tests.Commands;

/// <summary><c>netpol diff</c>: exit codes, the JSON contract, and errors of both sides reported at once.</summary>
public sealed class DiffCommandTests
{
    private const string Loose = "example:staged-rollout-loose";
    private const string Tight = "example:staged-rollout-tight";

    /// <summary>Lets the reporting exporter call the backend too: only gains over the tight stage.</summary>
    private const string ExporterToBackend = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: exporter-to-backend, namespace: orders}
        spec:
          podSelector: {matchLabels: {app: backend}}
          ingress:
          - from: [{namespaceSelector: {matchLabels: {name: reporting}}, podSelector: {matchLabels: {app: exporter}}}]
            ports: [{port: 8080}]
        """;

    private const string Invalid = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web, namespace: shop}
        spec:
          podSelector: {}
          ingress:
          - ports:
            - port: 8080
              endPort: 80
        """;

    [Fact]
    public void Diff_exits_1_when_a_connection_is_lost()
    {
        var (exit, output, _) = CliRunner.Run("diff", "--base", Loose, "--head", Tight);

        Assert.Equal(1, exit);
        Assert.Contains("  lost: reporting/deploy/exporter -> orders/deploy/backend 8080/TCP\n", output, StringComparison.Ordinal);
        Assert.EndsWith("2 connections gained, 7 lost; 5 policies changed\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_exits_0_when_connections_are_only_gained()
    {
        var (exit, output, error) = CliRunner.RunWithInput(ExporterToBackend, "diff", "--base", Tight, "--head", Tight, "--head", "-");

        Assert.True(exit == 0, error);
        Assert.Contains("  gained: reporting/deploy/exporter -> orders/deploy/backend 8080/TCP\n", output, StringComparison.Ordinal);
        Assert.EndsWith("1 connection gained, 0 lost; 1 policy changed\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_exits_0_when_nothing_changed()
    {
        var (exit, output, _) = CliRunner.Run("diff", "--base", Tight, "--head", Tight, "-o", "md");

        Assert.Equal(0, exit);
        Assert.Contains("✅ No connection lost, 0 gained; 0 policies changed.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("####", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_json_lists_connections_policies_and_endpoints()
    {
        var (exit, output, _) = CliRunner.RunWithInput(ExporterToBackend, "diff", "--base", Loose, "--head", Tight, "--head", "-", "-o", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var lost = root.GetProperty("lost").EnumerateArray().Select(Line).ToList();
        var gained = root.GetProperty("gained").EnumerateArray().Select(Line).ToList();
        Assert.Contains("orders/deploy/backend -> orders/deploy/worker all", lost);
        Assert.Contains("orders/deploy/frontend -> orders/deploy/backend 1-8079/TCP 8081-65535/TCP 1-65535/UDP 1-65535/SCTP", lost);
        Assert.DoesNotContain(lost, l => l.StartsWith("reporting/deploy/exporter -> orders/deploy/backend", StringComparison.Ordinal));
        Assert.Contains("reporting/deploy/analytics -> orders/deploy/frontend 8080/TCP", gained);
        var policies = root.GetProperty("policies");
        Assert.Equal(["orders/exporter-to-backend", "orders/stage2-backend-clients", "orders/stage2-default-deny", "orders/stage2-frontend-public"], Strings(policies.GetProperty("added")));
        Assert.Equal(["orders/stage1-reporting-to-backend", "orders/stage1-same-namespace"], Strings(policies.GetProperty("removed")));
        Assert.Equal(0, policies.GetProperty("modified").GetArrayLength());
        Assert.Empty(Strings(root.GetProperty("endpoints").GetProperty("added")));
        Assert.Empty(Strings(root.GetProperty("endpoints").GetProperty("removed")));
        Assert.Equal("workload", root.GetProperty("by").GetString());
        Assert.Equal(lost.Count, root.GetProperty("summary").GetProperty("lost").GetInt32());
    }

    [Fact]
    public void Diff_json_names_modified_fields_and_endpoints_on_one_side()
    {
        var example = File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), "examples", "three-tier-app.yaml"));
        var database = example.IndexOf("port: 5432", StringComparison.Ordinal);
        var head = example[..database] + "port: 5433" + example[(database + "port: 5432".Length)..]
            + "\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: debug, namespace: webshop}\n";

        var (exit, output, error) = CliRunner.RunWithInput(head, "diff", "--base", "example:three-tier-app", "--head", "-", "-o", "json", "--by", "pod");

        Assert.True(exit == 1, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["webshop/deploy/backend -> webshop/sts/database 5432/TCP"], root.GetProperty("lost").EnumerateArray().Select(Line));
        var modified = Assert.Single(root.GetProperty("policies").GetProperty("modified").EnumerateArray());
        Assert.Equal("webshop/database-ingress", modified.GetProperty("name").GetString());
        Assert.Equal(["spec.ingress"], Strings(modified.GetProperty("fields")));
        Assert.Equal(["webshop/debug"], Strings(root.GetProperty("endpoints").GetProperty("added")));
        Assert.Empty(Strings(root.GetProperty("endpoints").GetProperty("removed")));
        Assert.Equal("pod", root.GetProperty("by").GetString());
    }

    [Fact]
    public void Bad_input_on_both_sides_is_reported_at_once_with_exit_2()
    {
        var (exit, output, error) = CliRunner.RunWithInput(Invalid, "diff", "--base", "-", "--head", "no-such-file.yaml", "--head", "example:no-such-example");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("<stdin>:9:16: NetworkPolicy shop/web: spec.ingress[0].ports[0].endPort: must be greater than or equal to `port`", lines[0]);
        Assert.Equal("no-such-file.yaml: no such file or directory", lines[1]);
        Assert.StartsWith("example:no-such-example: no such example", lines[2], StringComparison.Ordinal);
        Assert.Equal("3 errors: nothing was analysed", lines[^1]);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, CliRunner.Run("diff", "--base", Loose).Exit);
        Assert.Equal(2, CliRunner.Run("diff", "--head", Tight).Exit);
        Assert.Equal(2, CliRunner.Run("diff", "--base", Loose, "--head", Tight, "-o", "csv").Exit);
        Assert.Equal(2, CliRunner.Run("diff", "--base", Loose, "--head", Tight, "--by", "namespace").Exit);
    }

    [Fact]
    public void An_unknown_namespace_exits_2_and_names_the_known_ones()
    {
        var (exit, output, error) = CliRunner.Run("diff", "--base", Loose, "--head", Tight, "-n", "order");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("no namespace \"order\" on either side; namespaces: orders, reporting", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_feeds_one_side_only()
    {
        var (exit, _, error) = CliRunner.RunWithInput(ExporterToBackend, "diff", "--base", "-", "--head", "-");

        Assert.Equal(2, exit);
        Assert.Contains("'-' (standard input) can be read only once", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_namespace_filter_keeps_connections_inside_it()
    {
        var (exit, output, _) = CliRunner.Run("diff", "--base", Loose, "--head", Tight, "-n", "reporting");

        Assert.Equal(0, exit);
        Assert.Equal("0 connections gained, 0 lost; 0 policies changed\n", output);
    }

    private static string Line(JsonElement c) =>
        $"{c.GetProperty("from").GetString()} -> {c.GetProperty("to").GetString()} {string.Join(' ', Strings(c.GetProperty("ports")))}";

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
