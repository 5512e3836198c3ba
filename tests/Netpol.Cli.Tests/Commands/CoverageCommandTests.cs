using System.Text.Json;

namespace Netpol.Cli.Tests.Commands;

/// <summary><c>netpol coverage</c>: exit codes, thresholds and the JSON contract.</summary>
public sealed class CoverageCommandTests
{
    private const string Cluster = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: empty}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: shop, labels: {app: a}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b, namespace: shop, labels: {app: b}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: c, namespace: shop, labels: {app: c}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: node-agent, namespace: shop, labels: {app: agent}}
        spec: {hostNetwork: true}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-in, namespace: shop}
        spec: {podSelector: {}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: a-out, namespace: shop}
        spec: {podSelector: {matchLabels: {app: a}}, policyTypes: [Egress]}
        """;

    [Fact]
    public void Json_has_the_contract_field_names_and_values()
    {
        // When: shop has 4 pods, 3 isolated for ingress (the hostNetwork pod never is), 1 for egress
        var (exit, output, error) = CliRunner.RunWithInput(Cluster, "coverage", "-f", "-", "-o", "json");

        // Then
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["summary", "namespaces", "pods", "by", "thresholds"], root.EnumerateObject().Select(p => p.Name));
        var summary = root.GetProperty("summary");
        Assert.Equal(
            ["pods", "ingressIsolated", "egressIsolated", "ingressPercent", "egressPercent", "open", "hostNetwork"],
            summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, summary.GetProperty("pods").GetInt32());
        Assert.Equal(3, summary.GetProperty("ingressIsolated").GetInt32());
        Assert.Equal(1, summary.GetProperty("egressIsolated").GetInt32());
        Assert.Equal(75, summary.GetProperty("ingressPercent").GetDouble());
        Assert.Equal(25, summary.GetProperty("egressPercent").GetDouble());
        Assert.Equal(1, summary.GetProperty("open").GetInt32());

        var shop = root.GetProperty("namespaces").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "shop");
        foreach (var field in new[] { "name", "pods", "ingressIsolated", "egressIsolated", "ingressPercent", "egressPercent", "defaultDenyIngress", "defaultDenyEgress", "policies" })
        {
            Assert.True(shop.TryGetProperty(field, out _), $"namespace field {field}");
        }

        Assert.True(shop.GetProperty("defaultDenyIngress").GetBoolean());
        Assert.False(shop.GetProperty("defaultDenyEgress").GetBoolean());
        Assert.Equal(["a-out", "deny-in"], shop.GetProperty("policies").EnumerateArray().Select(p => p.GetString()));

        var a = root.GetProperty("pods").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "shop/a");
        Assert.Equal("shop", a.GetProperty("namespace").GetString());
        Assert.True(a.GetProperty("ingress").GetBoolean());
        Assert.True(a.GetProperty("egress").GetBoolean());
        Assert.Equal(["deny-in"], a.GetProperty("ingressPolicies").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["a-out"], a.GetProperty("egressPolicies").EnumerateArray().Select(p => p.GetString()));
        Assert.False(a.GetProperty("hostNetwork").GetBoolean());
        var agent = root.GetProperty("pods").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "shop/node-agent");
        Assert.True(agent.GetProperty("hostNetwork").GetBoolean());
        Assert.False(agent.GetProperty("ingress").GetBoolean());
    }

    [Fact]
    public void Json_percentages_of_a_namespace_without_pods_are_null()
    {
        var (_, output, _) = CliRunner.RunWithInput(Cluster, "coverage", "-f", "-", "-o", "json");

        using var json = JsonDocument.Parse(output);
        var empty = json.RootElement.GetProperty("namespaces").EnumerateArray().Single(n => n.GetProperty("name").GetString() == "empty");
        Assert.Equal(0, empty.GetProperty("pods").GetInt32());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("ingressPercent").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("egressPercent").ValueKind);
    }

    [Fact]
    public void Json_percentages_have_at_most_one_decimal()
    {
        // Given: the hostNetwork pod moved out of shop leaves 3 pods there, 1 isolated for egress (33.33...%)
        var yaml = Cluster.Replace("name: node-agent, namespace: shop", "name: node-agent, namespace: node", StringComparison.Ordinal);

        // When
        var (_, output, _) = CliRunner.RunWithInput(yaml, "coverage", "-f", "-", "-o", "json", "-n", "shop");

        // Then
        using var json = JsonDocument.Parse(output);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("pods").GetInt32());
        Assert.Equal("33.3", summary.GetProperty("egressPercent").GetRawText());
        Assert.Equal("100", summary.GetProperty("ingressPercent").GetRawText());
    }

    [Theory]
    [InlineData("--min-ingress", "75", 0)]
    [InlineData("--min-ingress", "75.1", 1)]
    [InlineData("--min-egress", "25", 0)]
    [InlineData("--min-egress", "30", 1)]
    [InlineData("--min-ingress", "0", 0)]
    public void A_threshold_exits_1_when_the_cluster_wide_percentage_is_below_it(string option, string value, int expected)
    {
        var (exit, output, error) = CliRunner.RunWithInput(Cluster, "coverage", "-f", "-", option, value);

        Assert.Equal(expected, exit);
        Assert.StartsWith("coverage:", output, StringComparison.Ordinal);
        if (expected == 1)
        {
            Assert.Contains($"is below {option} {value}%", error, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(error);
        }
    }

    [Fact]
    public void Both_thresholds_failing_print_one_line_each()
    {
        var (exit, _, error) = CliRunner.RunWithInput(Cluster, "coverage", "-f", "-", "--min-ingress", "80", "--min-egress", "50", "-o", "json");

        Assert.Equal(1, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["netpol: ingress coverage 75% (3 of 4 pods isolated) is below --min-ingress 80%", "netpol: egress coverage 25% (1 of 4 pods isolated) is below --min-egress 50%"],
            lines);
    }

    [Fact]
    public void Thresholds_do_not_fail_without_pods()
    {
        var (exit, output, _) = CliRunner.RunWithInput("apiVersion: v1\nkind: Namespace\nmetadata: {name: empty}\n", "coverage", "-f", "-", "--min-ingress", "100", "-o", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("summary").GetProperty("ingressPercent").ValueKind);
        Assert.True(json.RootElement.GetProperty("thresholds")[0].GetProperty("passed").GetBoolean());
    }

    [Theory]
    [InlineData("--min-ingress", "101")]
    [InlineData("--min-egress", "-1")]
    [InlineData("--min-ingress", "lots")]
    public void A_bad_threshold_exits_2(string option, string value)
    {
        var (exit, output, error) = CliRunner.RunWithInput(Cluster, "coverage", "-f", "-", option, value);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_exits_2()
    {
        Assert.Equal(2, CliRunner.Run("coverage").Exit);
        Assert.Equal(2, CliRunner.Run("coverage", "-f", "example:three-tier-app", "-o", "csv").Exit);
        Assert.Equal(2, CliRunner.Run("coverage", "-f", "example:three-tier-app", "--by", "namespace").Exit);
        Assert.Equal(2, CliRunner.Run("coverage", "-f", "example:three-tier-app", "-n", "nope").Exit);
        Assert.Equal(2, CliRunner.RunWithInput("kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata: {name: x}\nspec: {podSelector: {}, ingress: [{from: [{}]}]}\n", "coverage", "-f", "-").Exit);
    }

    [Fact]
    public void By_workload_lists_workloads_with_their_pod_counts()
    {
        var (exit, output, _) = CliRunner.Run("coverage", "-f", "example:three-tier-app", "--by", "workload", "-o", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("workload", json.RootElement.GetProperty("by").GetString());
        var db = json.RootElement.GetProperty("pods").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "webshop/sts/database");
        Assert.Equal(1, db.GetProperty("pods").GetInt32());
        Assert.True(db.GetProperty("ingress").GetBoolean());
        Assert.False(db.GetProperty("egress").GetBoolean());
    }

    [Fact]
    public void Table_and_markdown_show_bars_default_deny_and_open_pods()
    {
        var table = CliRunner.RunWithInput(Cluster, "coverage", "-f", "-");
        var md = CliRunner.RunWithInput(Cluster, "coverage", "-f", "-", "-o", "md");

        Assert.Equal(0, table.Exit);
        Assert.Contains("███████░░░   75%", table.Out, StringComparison.Ordinal);
        Assert.Contains("ingress (deny-in)", table.Out, StringComparison.Ordinal);
        Assert.Contains("  shop/node-agent (hostNetwork)", table.Out, StringComparison.Ordinal);
        Assert.Equal(0, md.Exit);
        Assert.Contains("| shop | 4 | 75% | 25% | ✅ deny-in | ❌ | a-out, deny-in |", md.Out, StringComparison.Ordinal);
        Assert.Contains("| empty | 0 | n/a | n/a |", md.Out, StringComparison.Ordinal);
    }
}
