using System.Text.Json;

namespace Netpol.Cli.Tests.Commands;

/// <summary><c>netpol describe</c>: exit codes, unknown names and the JSON field names.</summary>
public sealed class DescribeCommandTests
{
    [Fact]
    public void Describe_pod_text_lists_policies_and_peers_with_ports()
    {
        var (exit, output, _) = CliRunner.Run("describe", "pod", "webshop/deploy/backend", "-f", "example:three-tier-app");

        Assert.Equal(0, exit);
        Assert.StartsWith("pod webshop/deploy/backend\n", output, StringComparison.Ordinal);
        Assert.Contains("ingress: isolated by backend-traffic\n  may be reached by 1 pod:\n    on 8080/TCP:\n      webshop: deploy/frontend\n", output, StringComparison.Ordinal);
        Assert.Contains("    on 5432/TCP:\n      webshop: sts/database\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_pod_json_has_camel_case_fields_in_a_fixed_order()
    {
        var (exit, output, _) = CliRunner.Run("describe", "pod", "webshop/deploy/frontend", "-f", "example:three-tier-app", "-o", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(
            ["kind", "name", "namespace", "labels", "workloadKind", "owner", "hostNetwork", "ips", "ports", "ingress", "egress"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("pod", root.GetProperty("kind").GetString());
        Assert.Equal("frontend", root.GetProperty("labels").GetProperty("app").GetString());
        var ingress = root.GetProperty("ingress");
        Assert.Equal(["isolated", "policies", "peers", "anyAddress", "addressRules"], ingress.EnumerateObject().Select(p => p.Name));
        var rule = ingress.GetProperty("addressRules")[0];
        Assert.Equal("spec.ingress[0]", rule.GetProperty("path").GetString());
        Assert.True(rule.GetProperty("anyAddress").GetBoolean());
        Assert.Equal(["80/TCP", "443/TCP"], rule.GetProperty("ports").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public void Describe_policy_calls_out_rules_that_admit_nothing()
    {
        const string Yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              ingress:
              - from: [{podSelector: {matchLabels: {app: frontnd}}}]
            """;

        var text = CliRunner.RunWithInput(Yaml, "describe", "policy", "shop/web", "-f", "-");
        var json = CliRunner.RunWithInput(Yaml, "describe", "policy", "shop/web", "-f", "-", "-o", "json");

        Assert.Equal(0, text.Exit);
        Assert.Contains("admits no pod: from[0] podSelector app=frontnd matches no pod in shop", text.Out, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Out);
        var rule = doc.RootElement.GetProperty("rules")[0];
        Assert.True(rule.GetProperty("admitsNothing").GetBoolean());
        Assert.True(rule.GetProperty("peers")[0].GetProperty("matchesNothing").GetBoolean());
        Assert.Equal(
            ["kind", "name", "namespace", "podSelector", "policyTypes", "selectedPods", "hostNetworkPods", "selectsNothing", "rules"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Describe_namespace_lists_the_namespaceSelectors_that_match_it()
    {
        var (exit, output, _) = CliRunner.Run("describe", "namespace", "kube-system", "-f", "example:three-tier-app", "-o", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["kind", "name", "labels", "implicit", "pods", "policies", "selectedBy"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["webshop/backend-traffic spec.egress[1].to[0]", "webshop/frontend-traffic spec.egress[1].to[0]"],
            root.GetProperty("selectedBy").EnumerateArray().Select(m => $"{m.GetProperty("policy").GetString()} {m.GetProperty("path").GetString()}"));
    }

    [Fact]
    public void Aliases_name_the_same_subcommands()
    {
        var ns = CliRunner.Run("describe", "ns", "kube-system", "-f", "example:three-tier-app");
        var netpol = CliRunner.Run("describe", "netpol", "webshop/backend-traffic", "-f", "example:three-tier-app");

        Assert.Equal(0, ns.Exit);
        Assert.StartsWith("namespace kube-system", ns.Out, StringComparison.Ordinal);
        Assert.Equal(0, netpol.Exit);
        Assert.StartsWith("NetworkPolicy webshop/backend-traffic", netpol.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pod", "webshop/deploy/frontnd", "did you mean webshop/deploy/frontend?")]
    [InlineData("pod", "backend", "did you mean webshop/deploy/backend?")]
    [InlineData("policy", "webshop/frontend", "did you mean webshop/frontend-traffic?")]
    [InlineData("namespace", "webshp", "did you mean webshop?")]
    public void Unknown_names_exit_2_with_close_candidates(string kind, string name, string hint)
    {
        var (exit, output, error) = CliRunner.Run("describe", kind, name, "-f", "example:three-tier-app");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(hint, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_errors_exit_2()
    {
        Assert.Equal(2, CliRunner.Run("describe").Exit);
        Assert.Equal(2, CliRunner.Run("describe", "pod", "-f", "example:three-tier-app").Exit);
        Assert.Equal(2, CliRunner.Run("describe", "service", "x", "-f", "example:three-tier-app").Exit);
        Assert.Equal(2, CliRunner.Run("describe", "pod", "a/b/c/d", "-f", "example:three-tier-app").Exit);
        Assert.Equal(2, CliRunner.Run("describe", "pod", "webshop/deploy/backend", "-f", "example:three-tier-app", "-o", "yaml").Exit);
    }
}
