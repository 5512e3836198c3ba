using System.Text.Json;

namespace Netpol.Cli.Tests.Commands;

/// <summary><c>netpol audit</c>: exit codes, error lines and the JSON contract.</summary>
public sealed class AuditCommandTests
{
    private const string Allowed = """
        src,dst,port,protocol,count
        webshop/deploy/frontend,webshop/deploy/backend,8080,TCP,12
        webshop/deploy/backend,webshop/sts/database,5432,TCP,7
        203.0.113.5,webshop/deploy/frontend,443,TCP,40
        """;

    private const string Denied = Allowed + "\nwebshop/deploy/frontend,webshop/sts/database,5432,TCP,2\n";

    [Fact]
    public void Exits_0_when_no_observed_flow_would_be_denied()
    {
        var (exit, output, error) = CliRunner.RunWithInput(Allowed, "audit", "-f", "example:three-tier-app", "--flows", "-");

        Assert.True(exit == 0, error);
        Assert.Contains("Would be denied: no observed flow", output, StringComparison.Ordinal);
        Assert.EndsWith("summary: 59 flows (0 skipped: 0 replies, 0 non-L4), 0 would be denied, 0 unknown endpoints\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Exits_1_when_some_observed_flow_would_be_denied()
    {
        var (exit, output, _) = CliRunner.RunWithInput(Denied, "audit", "-f", "example:three-tier-app", "--flows", "-");

        Assert.Equal(1, exit);
        Assert.Contains("2 flows: webshop/deploy/frontend -> webshop/sts/database on 5432/TCP", output, StringComparison.Ordinal);
        Assert.Contains("  DENIED: webshop/deploy/frontend -> webshop/sts/database on 5432/TCP", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_csv_lines_are_all_reported_with_file_line_and_column_and_exit_2()
    {
        var (exit, output, error) = CliRunner.RunWithInput(
            "webshop/deploy/frontend,webshop/deploy/backend,8080,TCP\nwebshop/a,webshop/b,80\nwebshop/a,webshop/b,http,TCP,0\n",
            "audit", "-f", "example:three-tier-app", "--flows", "-");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal(
            [
                "<stdin>:2:23: expected src,dst,port,protocol[,count]: found 3 fields",
                "<stdin>:3:21: port \"http\": a port is a number from 1 to 65535",
                "<stdin>:3:30: count \"0\": a count is a whole number of at least 1",
                "3 errors in the flow logs: nothing was analysed",
            ],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_malformed_hubble_line_exits_2_with_its_line()
    {
        var path = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "examples", "three-tier-app", "flows.jsonl");
        var lines = File.ReadAllLines(path);
        var broken = string.Join("\n", lines[0], lines[1][..40], lines[2]);

        var (exit, output, error) = CliRunner.RunWithInput(broken, "audit", "-f", "example:three-tier-app", "--flows", "-");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("<stdin>:2:41: not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_and_environment_errors_exit_2()
    {
        Assert.Equal(2, CliRunner.Run("audit", "-f", "example:three-tier-app").Exit);
        Assert.Equal(2, CliRunner.Run("audit", "-f", "example:three-tier-app", "--flows", "/no/such/flows.jsonl").Exit);
        Assert.Equal(2, CliRunner.Run("audit", "-f", "example:three-tier-app", "--flows", "x.csv", "-o", "csv").Exit);
        Assert.Equal(2, CliRunner.RunWithInput(Allowed, "audit", "-f", "-", "--flows", "-").Exit);
        Assert.Equal(2, CliRunner.Run("audit", "-f", "example:no-such-example", "--flows", "-").Exit);
    }

    [Fact]
    public void Json_has_the_contract_fields()
    {
        // Given: one denied group, one unknown endpoint
        var flows = Denied + "webshop/debug-shell,webshop/deploy/backend,8080,TCP,1\n";

        // When
        var (exit, output, _) = CliRunner.RunWithInput(flows, "audit", "-f", "example:three-tier-app", "--flows", "-", "-o", "json");

        // Then
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["summary", "denied", "rules", "unusedRules", "clusterRules", "unusedClusterRules", "silentWorkloads", "unknown"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, root.GetProperty("clusterRules").GetArrayLength());
        var summary = root.GetProperty("summary");
        Assert.Equal(
            ["flows", "denied", "allowed", "skipped", "unknown", "window", "skippedReplies", "skippedNonL4", "notFlows", "unknownFlows"],
            summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal((62, 2, 59, 0, 1, 1), (summary.GetProperty("flows").GetInt32(), summary.GetProperty("denied").GetInt32(), summary.GetProperty("allowed").GetInt32(),
            summary.GetProperty("skipped").GetInt32(), summary.GetProperty("unknown").GetInt32(), summary.GetProperty("unknownFlows").GetInt32()));
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("window").GetProperty("from").ValueKind);

        var denied = root.GetProperty("denied")[0];
        Assert.Equal(["from", "to", "port", "protocol", "count", "pairs", "first", "last", "deniedBy", "explanation"], denied.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["[NetworkPolicy] egress isolation by webshop/frontend-traffic", "[NetworkPolicy] ingress isolation by webshop/database-ingress"],
            denied.GetProperty("deniedBy").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("webshop/deploy/frontend", denied.GetProperty("from").GetString());
        Assert.Equal(5432, denied.GetProperty("port").GetInt32());
        Assert.Equal("TCP", denied.GetProperty("protocol").GetString());
        Assert.Equal(2, denied.GetProperty("count").GetInt32());
        var explanation = denied.GetProperty("explanation");
        Assert.False(explanation.GetProperty("allowed").GetBoolean());
        Assert.False(explanation.GetProperty("ingress").GetProperty("allowed").GetBoolean());
        Assert.NotEqual(0, explanation.GetProperty("suggestions").GetArrayLength());

        var rule = root.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("policy").GetString() == "webshop/backend-traffic" && r.GetProperty("rule").GetString() == "ingress[0]");
        Assert.Equal(["policy", "rule", "flows"], rule.EnumerateObject().Select(p => p.Name));
        Assert.Equal(12, rule.GetProperty("flows").GetInt32());
        Assert.Contains(root.GetProperty("unusedRules").EnumerateArray(), r => r.GetProperty("rule").GetString() == "egress[1]" && r.GetProperty("policy").GetString() == "webshop/backend-traffic");
        Assert.Equal(["kube-system/deploy/coredns"], root.GetProperty("silentWorkloads").EnumerateArray().Select(s => s.GetString()));
        var unknown = root.GetProperty("unknown")[0];
        Assert.Equal(["endpoint", "flows", "reason"], unknown.EnumerateObject().Select(p => p.Name));
        Assert.Equal("webshop/debug-shell", unknown.GetProperty("endpoint").GetString());
    }

    [Fact]
    public void Several_flow_logs_of_both_formats_add_up()
    {
        var dir = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "examples", "three-tier-app");

        var (exit, output, _) = CliRunner.Run("audit", "-f", "example:three-tier-app", "--flows", Path.Combine(dir, "flows.jsonl"), Path.Combine(dir, "flows.csv"), "-o", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(33 + 24, summary.GetProperty("flows").GetInt32());
        Assert.Equal(3 + 3, summary.GetProperty("denied").GetInt32());
    }

    [Fact]
    public void Under_a_plugin_that_ignores_cluster_policies_the_guardrails_decide_nothing()
    {
        var flows = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "examples", "admin-guardrails", "flows.csv");

        var portable = CliRunner.Run("audit", "-f", "example:admin-guardrails", "--flows", flows);
        var cilium = CliRunner.Run("audit", "-f", "example:admin-guardrails", "--flows", flows, "--cni", "cilium");

        Assert.Equal(1, portable.Exit);
        Assert.DoesNotContain("network plugin", portable.Out, StringComparison.Ordinal);
        Assert.Contains("17 would be denied", portable.Out, StringComparison.Ordinal);
        Assert.Equal(1, cilium.Exit);
        Assert.Contains("network plugin: cilium (Cilium): verdicts as it enforces the policies (--cni cilium)", cilium.Out, StringComparison.Ordinal);
        Assert.Contains("it ignores cnp/always-allow-monitoring, cnp/deny-dev-to-prod, cnp/delegate-prod-to-owners, cnp/default-deny", cilium.Out, StringComparison.Ordinal);

        // Without the Admin Accept for monitoring, Prometheus' scrapes of prod's api meet api-ingress.
        Assert.Contains("12 flows: monitoring/deploy/prometheus -> prod/deploy/api on 9090/TCP", cilium.Out, StringComparison.Ordinal);
        Assert.Contains("42 would be denied", cilium.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_under_a_plugin_names_it_and_the_cluster_policies_it_ignores()
    {
        var flows = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "examples", "admin-guardrails", "flows.csv");

        var (_, output, error) = CliRunner.Run("audit", "-f", "example:admin-guardrails", "--flows", flows, "--cni", "calico", "-o", "json");
        var (_, plain, _) = CliRunner.Run("audit", "-f", "example:admin-guardrails", "--flows", flows, "-o", "json");

        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.TryGetProperty("cni", out var cni), error);
        Assert.Equal("calico", cni.GetString());

        // Calico implements ClusterNetworkPolicy: it ignores none of the example's, and agrees with upstream.
        Assert.Equal(0, json.RootElement.GetProperty("ignoredClusterPolicies").GetArrayLength());
        using var upstream = JsonDocument.Parse(plain);
        Assert.Equal(upstream.RootElement.GetProperty("summary").GetProperty("denied").GetInt64(), json.RootElement.GetProperty("summary").GetProperty("denied").GetInt64());
        Assert.False(upstream.RootElement.TryGetProperty("cni", out _));
    }

    [Fact]
    public void Cni_all_is_refused_with_exit_2()
    {
        var (exit, output, error) = CliRunner.RunWithInput(Allowed, "audit", "-f", "example:three-tier-app", "--flows", "-", "--cni", "all");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("--cni all: an audit replays the flows on one network plugin at a time", error, StringComparison.Ordinal);
    }
}
