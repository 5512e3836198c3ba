using System.Text.Json;
using Netpol.Analysis.Lint;

namespace Netpol.Cli.Tests.Commands;

/// <summary>netpol lint: exit codes, the JSON and SARIF contracts, configuration and suppression.</summary>
public sealed class LintCommandTests : IDisposable
{
    private const string Open = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: web:1
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: lockdown, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
          egress:
          - to:
            - ipBlock: {cidr: 0.0.0.0/0}
            ports:
            - port: 443
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("netpol-lint-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Exit_code_follows_fail_on()
    {
        var file = Write("open.yaml", Open);

        var byDefault = CliRunner.Run("lint", "-f", file);
        var onWarning = CliRunner.Run("lint", "-f", file, "--fail-on", "warning", "--disable", "dns-egress-missing");
        var errorsOnly = CliRunner.Run("lint", "-f", file, "--disable", "dns-egress-missing");

        Assert.Equal(1, byDefault.Exit);
        Assert.Contains("error[dns-egress-missing]", byDefault.Out, StringComparison.Ordinal);
        Assert.Equal(1, onWarning.Exit);
        Assert.Equal(0, errorsOnly.Exit);
        Assert.Contains("warning[broad-cidr]", errorsOnly.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_lines_start_with_file_line_and_column()
    {
        var file = Write("open.yaml", Open);

        var (_, output, _) = CliRunner.Run("lint", "-f", file);

        Assert.Contains($"{file}:25:17: warning[broad-cidr] spec.egress[0].to[0].ipBlock.cidr: 0.0.0.0/0 admits every address", output, StringComparison.Ordinal);
        Assert.Contains("      fix: ", output, StringComparison.Ordinal);
        Assert.Matches(@"\n1 error, \d+ warnings?, \d+ info; " + RuleCatalog.All.Count + @" rules run\n$", output);
    }

    [Fact]
    public void Json_findings_carry_the_contract_fields()
    {
        var file = Write("open.yaml", Open);

        var (exit, output, _) = CliRunner.Run("lint", "-f", file, "-o", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        foreach (var f in findings)
        {
            foreach (var field in (string[])["rule", "severity", "object", "file", "line", "message", "fix"])
            {
                Assert.True(f.TryGetProperty(field, out _), $"missing {field}");
            }

            Assert.Contains(f.GetProperty("severity").GetString(), (string[])["error", "warning", "info"]);
        }

        var cidr = findings.Single(f => f.GetProperty("rule").GetString() == "broad-cidr");
        Assert.Equal("NetworkPolicy shop/lockdown", cidr.GetProperty("object").GetString());
        Assert.Equal(file, cidr.GetProperty("file").GetString());
        Assert.Equal(25, cidr.GetProperty("line").GetInt32());
        Assert.Contains("except", cidr.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void Sarif_is_version_2_1_0_with_rules_results_and_locations()
    {
        var file = Write("open.yaml", Open);

        var (_, output, _) = CliRunner.Run("lint", "-f", file, "-o", "sarif");

        using var json = JsonDocument.Parse(output);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("netpol", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(RuleCatalog.All.Count, rules.Count);
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            var id = r.GetProperty("ruleId").GetString();
            Assert.Equal(id, rules[r.GetProperty("ruleIndex").GetInt32()]);
            Assert.Contains(r.GetProperty("level").GetString(), (string[])["error", "warning", "note"]);
            Assert.False(string.IsNullOrEmpty(r.GetProperty("message").GetProperty("text").GetString()));
            var region = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
            Assert.False(string.IsNullOrEmpty(r.GetProperty("partialFingerprints").GetProperty("netpolFinding/v1").GetString()));
        }
    }

    [Fact]
    public void Configuration_disables_rules_and_changes_severities()
    {
        var file = Write("open.yaml", Open);
        var config = Write("netpol.yaml", """
            lint:
              disable: [dns-egress-missing]
              severity:
                broad-cidr: error
            """);

        var (exit, output, _) = CliRunner.Run("lint", "-f", file, "--config", config);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("dns-egress-missing", output, StringComparison.Ordinal);
        Assert.Contains("error[broad-cidr]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_errors_are_reported_with_their_position_and_exit_2()
    {
        var file = Write("open.yaml", Open);
        var config = Write("netpol.yaml", """
            lint:
              disable: [dns-egres-missing]
              failOn: sometimes
              colour: red
            """);

        var (exit, output, error) = CliRunner.Run("lint", "-f", file, "--config", config);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"{config}:2:13: lint.disable[0]: unknown rule \"dns-egres-missing\" (did you mean \"dns-egress-missing\"?", error, StringComparison.Ordinal);
        Assert.Contains($"{config}:3:11: lint.failOn: Unsupported value: \"sometimes\"", error, StringComparison.Ordinal);
        Assert.Contains($"{config}:4:3: lint.colour: unknown field \"colour\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignore_annotation_suppresses_a_rule_on_its_object()
    {
        var file = Write("open.yaml", Open.Replace(
            "metadata: {name: lockdown, namespace: shop}",
            "metadata: {name: lockdown, namespace: shop, annotations: {netpol.io/ignore: \"broad-cidr, missing-description\"}}",
            StringComparison.Ordinal));

        var (_, output, _) = CliRunner.Run("lint", "-f", file, "-o", "json");

        using var json = JsonDocument.Parse(output);
        var rules = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        Assert.DoesNotContain("broad-cidr", rules);
        Assert.DoesNotContain("missing-description", rules);
        Assert.Contains("dns-egress-missing", rules);
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32());
    }

    [Fact]
    public void Bad_manifests_exit_2_with_every_error_and_no_findings()
    {
        var file = Write("bad.yaml", """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector: {}
              ingress:
              - ports:
                - port: 8080
                  endPort: 80
                - protocol: ICMP
            """);

        var (exit, output, error) = CliRunner.Run("lint", "-f", file);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"{file}:9:16: NetworkPolicy shop/web: spec.ingress[0].ports[0].endPort:", error, StringComparison.Ordinal);
        Assert.Contains($"{file}:10:17: NetworkPolicy shop/web: spec.ingress[0].ports[1].protocol:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_rule_on_the_command_line_exits_2()
    {
        var (exit, _, error) = CliRunner.Run("lint", "-f", "example:three-tier-app", "--disable", "broad-cdr");

        Assert.Equal(2, exit);
        Assert.Contains("unknown rule \"broad-cdr\" (did you mean \"broad-cidr\"?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_manifests_lint_says_how_to_give_them()
    {
        var (exit, _, error) = CliRunner.Run("lint");

        Assert.Equal(2, exit);
        Assert.Contains("-f", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Namespace_option_keeps_only_findings_of_those_namespaces()
    {
        var all = CliRunner.Run("lint", "-f", "example:default-deny-all", "-o", "json");
        var sandbox = CliRunner.Run("lint", "-f", "example:default-deny-all", "-o", "json", "-n", "sandbox");

        using var allJson = JsonDocument.Parse(all.Out);
        using var sandboxJson = JsonDocument.Parse(sandbox.Out);
        var namespaces = sandboxJson.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("namespace").GetString()).Distinct().ToList();
        Assert.Equal(["sandbox"], namespaces);
        Assert.Contains(allJson.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("namespace").GetString() == "payments");
        Assert.Equal(1, all.Exit);
        Assert.Equal(0, sandbox.Exit);
    }

    [Fact]
    public void List_rules_prints_every_rule_with_its_default_severity()
    {
        var (exit, output, _) = CliRunner.Run("lint", "--list-rules");

        Assert.Equal(0, exit);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(RuleCatalog.All.Count, lines.Length);
        Assert.StartsWith("dns-egress-missing", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("no-default-deny-egress", StringComparison.Ordinal) && l.Contains(" info ", StringComparison.Ordinal));
    }

    [Fact]
    public void Dns_ip_option_is_used_when_the_manifests_have_no_dns_pods()
    {
        var file = Write("open.yaml", Open.Replace("ports:\n    - port: 443", "ports:\n    - port: 443\n  - to:\n    - ipBlock: {cidr: 10.0.0.10/32}\n    ports:\n    - {port: 53, protocol: UDP}\n    - {port: 53, protocol: TCP}", StringComparison.Ordinal));

        var assumedDefault = CliRunner.Run("lint", "-f", file, "-o", "json");
        var matchingIP = CliRunner.Run("lint", "-f", file, "-o", "json", "--dns-ip", "10.0.0.10");

        Assert.Contains("\"dns-egress-missing\"", assumedDefault.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"dns-egress-missing\"", matchingIP.Out, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }
}
