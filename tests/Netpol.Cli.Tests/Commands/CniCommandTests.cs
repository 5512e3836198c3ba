using System.Text.Json;

namespace Netpol.Cli.Tests.Commands;

/// <summary>
/// <c>--cni</c> on check, matrix, lint, graph and coverage: the plugin's verdict, the line flagging a difference from
/// portable with its reason, <c>--cni all</c>, and an unknown profile (exit 2 with the list).
/// </summary>
public sealed class CniCommandTests
{
    private const string Example = "example:office-ip-range";

    // A hostNetwork agent on the node of a pod that denies all ingress, and an SCTP port.
    private const string NodeLocal = """
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        status: {addresses: [{type: InternalIP, address: 10.0.9.1}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: prod, labels: {app: web}}
        spec: {nodeName: n1, containers: [{name: c, image: nginx, ports: [{containerPort: 80}, {containerPort: 3868, protocol: SCTP}]}]}
        status: {podIP: 10.0.0.1}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: agent, namespace: kube-system, labels: {app: agent}}
        spec: {nodeName: n1, hostNetwork: true, containers: [{name: c, image: agent}]}
        status: {podIP: 10.0.9.1}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-all, namespace: prod}
        spec: {podSelector: {}, policyTypes: [Ingress]}
        """;

    // A Service that translates port 80 to the pod's 8080, and a client whose egress allows only the container port.
    private const string ServicePort = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 8080}]}]}
        status: {podIP: 10.0.0.1}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: shop, labels: {app: client}}
        spec: {containers: [{name: c, image: curl}]}
        status: {podIP: 10.0.0.2}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: client-out, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: client}}
          policyTypes: [Egress]
          egress:
          - to: [{podSelector: {matchLabels: {app: web}}}]
            ports: [{port: EGRESS_PORT}]
        """;

    [Fact]
    public void Check_under_a_profile_gives_its_verdict_and_flags_the_difference()
    {
        var (exit, output, _) = CliRunner.Run("check", "-f", Example, "--from", "ops/bastion", "--to", "corp/admin-console", "--port", "8443", "--cni", "cilium");

        Assert.Equal(1, exit);
        Assert.StartsWith("DENIED: ops/bastion -> corp/admin-console on 8443/TCP", output, StringComparison.Ordinal);
        Assert.Contains("network plugin cilium: differs from portable (portable: ALLOWED, cilium: DENIED)", output, StringComparison.Ordinal);
        Assert.Contains("because Cilium does not match ipBlock against pod IPs", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_under_a_profile_that_agrees_says_so()
    {
        var (exit, output, _) = CliRunner.Run("check", "-f", Example, "--from", "ops/bastion", "--to", "corp/admin-console", "--port", "8443", "--cni", "calico");

        Assert.Equal(0, exit);
        Assert.Contains("network plugin calico: same verdict as portable", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_without_cni_prints_nothing_about_plugins()
    {
        var (exit, output, _) = CliRunner.Run("check", "-f", Example, "--from", "ops/bastion", "--to", "corp/admin-console", "--port", "8443");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("network plugin", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_allows_the_local_node_under_calico_but_not_portable()
    {
        var portable = CliRunner.RunWithInput(NodeLocal, "check", "-f", "-", "--from", "kube-system/agent", "--to", "prod/web", "--port", "80");
        var calico = CliRunner.RunWithInput(NodeLocal, "check", "-f", "-", "--from", "kube-system/agent", "--to", "prod/web", "--port", "80", "--cni", "calico");

        Assert.Equal(1, portable.Exit);
        Assert.Equal(0, calico.Exit);
        Assert.Contains("note: calico: Calico allows every connection from a host to the workloads on that host", calico.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_json_lists_each_profile_verdict_with_reasons()
    {
        var (exit, output, _) = CliRunner.RunWithInput(NodeLocal, "check", "-f", "-", "--from", "kube-system/agent", "--to", "prod/web", "--port", "3868/SCTP", "--cni", "all", "-o", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("all", json.RootElement.GetProperty("cni").GetString());
        var verdicts = json.RootElement.GetProperty("pairs")[0].GetProperty("cni").EnumerateArray()
            .ToDictionary(v => v.GetProperty("profile").GetString()!, v => v);
        Assert.False(verdicts["portable"].GetProperty("allowed").GetBoolean());
        Assert.True(verdicts["calico"].GetProperty("allowed").GetBoolean());
        Assert.Equal("nodeToLocalPodAllowed", verdicts["calico"].GetProperty("reasons")[0].GetProperty("behaviour").GetString());

        // Cilium lets the local node in too, but carries no SCTP: denied like portable, so no reason is given.
        Assert.False(verdicts["cilium"].GetProperty("allowed").GetBoolean());
        Assert.Equal(0, verdicts["cilium"].GetProperty("reasons").GetArrayLength());
    }

    [Fact]
    public void Matrix_json_under_a_profile_adds_fields_only_where_verdicts_differ()
    {
        var (exit, output, error) = CliRunner.Run("matrix", "-f", Example, "--port", "8443", "--cni", "cilium", "-o", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("cilium", json.RootElement.GetProperty("cni").GetString());
        var marked = json.RootElement.GetProperty("cells").EnumerateArray().Where(c => c.TryGetProperty("portableAllowed", out _)).ToList();
        var cell = Assert.Single(marked);
        Assert.Equal("ops/bastion", cell.GetProperty("from").GetString());
        Assert.False(cell.GetProperty("allowed").GetBoolean());
        Assert.True(cell.GetProperty("portableAllowed").GetBoolean());
        Assert.Single(json.RootElement.GetProperty("differences").EnumerateArray());
    }

    [Fact]
    public void Matrix_json_without_cni_is_unchanged()
    {
        var (_, output, _) = CliRunner.Run("matrix", "-f", Example, "--port", "8443", "-o", "json");

        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.TryGetProperty("cni", out _));
        Assert.False(json.RootElement.TryGetProperty("differences", out _));
        Assert.DoesNotContain("portableAllowed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Matrix_table_marks_cells_that_differ()
    {
        var (_, output, _) = CliRunner.Run("matrix", "-f", Example, "--port", "8443", "--cni", "cilium");

        Assert.Contains("X*", output, StringComparison.Ordinal);
        Assert.Contains("* differs from portable", output, StringComparison.Ordinal);
        Assert.Contains("ops/bastion -> corp/admin-console 8443/TCP: cilium DENIED, portable allowed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Matrix_summary_refuses_a_profile()
    {
        var (exit, _, error) = CliRunner.Run("matrix", "-f", Example, "--cni", "cilium", "-o", "summary");

        Assert.Equal(2, exit);
        Assert.Contains("--cni", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "--from", "ops/bastion", "--to", "corp/admin-console", "--port", "8443")]
    [InlineData("matrix", "--port", "8443")]
    [InlineData("lint")]
    [InlineData("graph")]
    [InlineData("coverage")]
    [InlineData("audit", "--flows", "-")]
    [InlineData("generate", "--flows", "-")]
    public void An_unknown_profile_exits_2_with_the_list(params string[] args)
    {
        var (exit, output, error) = CliRunner.Run([args[0], "-f", Example, "--cni", "cillium", .. args[1..]]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--cni cillium: unknown network plugin profile (did you mean \"cilium\"?); profiles: portable, calico, cilium, aws-vpc, antrea, ovn-kubernetes", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_reports_what_depends_on_the_plugin_naming_the_profiles()
    {
        var (_, all, _) = CliRunner.Run("lint", "-f", Example);
        var calico = CliRunner.Run("lint", "-f", Example, "--cni", "calico");
        var cilium = CliRunner.Run("lint", "-f", Example, "--cni", "cilium");

        Assert.Contains("info[cni-dependent] spec.ingress[0].from[1].ipBlock: 10.244.2.20/32 holds the IP of ops/bastion: its meaning differs on cilium", all, StringComparison.Ordinal);
        Assert.DoesNotContain("cni-dependent", calico.Out, StringComparison.Ordinal);
        Assert.Contains("cni-dependent", cilium.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_names_the_plugins_that_ignore_a_cluster_network_policy()
    {
        const string Cnp = """
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: deny-dev}
            spec:
              tier: Admin
              priority: 10
              subject: {namespaces: {}}
              ingress:
              - name: no-dev
                action: Deny
                from:
                - namespaces: {matchLabels: {env: dev}}
            """;

        var (_, output, _) = CliRunner.RunWithInput(Cnp, "lint", "-f", "-");

        Assert.Contains("ClusterNetworkPolicy is not implemented by cilium, aws-vpc, ovn-kubernetes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_runs_the_specs_under_a_profile()
    {
        var spec = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "examples", "office-ip-range", "tests.yaml");

        var portable = CliRunner.Run("test", "-f", Example, spec);
        var cilium = CliRunner.Run("test", "-f", Example, spec, "--cni", "cilium");
        var all = CliRunner.Run("test", "-f", Example, spec, "--cni", "all");

        Assert.Equal(0, portable.Exit);
        Assert.Equal(1, cilium.Exit);
        Assert.Contains("the bastion gets in through its pod IP", cilium.Out, StringComparison.Ordinal);
        Assert.Equal(2, all.Exit);
    }

    [Fact]
    public void Check_through_a_service_under_aws_vpc_matches_egress_on_the_service_port()
    {
        var manifests = ServicePort.Replace("EGRESS_PORT", "8080", StringComparison.Ordinal);

        var portable = CliRunner.RunWithInput(manifests, "check", "-f", "-", "--from", "shop/client", "--to", "shop/svc/web", "--port", "80");
        var aws = CliRunner.RunWithInput(manifests, "check", "-f", "-", "--from", "shop/client", "--to", "shop/svc/web", "--port", "80", "--cni", "aws-vpc");

        Assert.Equal(0, portable.Exit);
        Assert.Equal(1, aws.Exit);
        Assert.Contains("aws-vpc: egress is matched before the Service translates port 80 to 8080, so shop/client's egress rules were checked on port 80", aws.Out, StringComparison.Ordinal);
        Assert.Contains("network plugin aws-vpc: differs from portable (portable: ALLOWED, aws-vpc: DENIED)", aws.Out, StringComparison.Ordinal);
        Assert.Contains("make the Service port equal the container port (8080), or allow port 80 in shop/client's egress", aws.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_through_a_service_under_aws_vpc_allows_egress_written_for_the_service_port()
    {
        var manifests = ServicePort.Replace("EGRESS_PORT", "80", StringComparison.Ordinal);

        var portable = CliRunner.RunWithInput(manifests, "check", "-f", "-", "--from", "shop/client", "--to", "shop/svc/web", "--port", "80");
        var aws = CliRunner.RunWithInput(manifests, "check", "-f", "-", "--from", "shop/client", "--to", "shop/svc/web", "--port", "80", "--cni", "aws-vpc");
        var direct = CliRunner.RunWithInput(manifests, "check", "-f", "-", "--from", "shop/client", "--to", "shop/web", "--port", "8080", "--cni", "aws-vpc");

        Assert.Equal(1, portable.Exit);
        Assert.Equal(0, aws.Exit);

        // Straight to the pod there is no translation: aws-vpc agrees with portable.
        Assert.Equal(1, direct.Exit);
        Assert.DoesNotContain("Service translates", direct.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_all_through_a_service_gives_aws_vpc_its_own_verdict_and_reason()
    {
        var manifests = ServicePort.Replace("EGRESS_PORT", "8080", StringComparison.Ordinal);

        var (exit, output, _) = CliRunner.RunWithInput(manifests, "check", "-f", "-", "--from", "shop/client", "--to", "shop/svc/web", "--port", "80", "--cni", "all", "-o", "json");

        // Under all, allowed means allowed by every plugin.
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var verdicts = json.RootElement.GetProperty("pairs")[0].GetProperty("cni").EnumerateArray()
            .ToDictionary(v => v.GetProperty("profile").GetString()!, v => v);
        Assert.True(verdicts["portable"].GetProperty("allowed").GetBoolean());
        Assert.True(verdicts["calico"].GetProperty("allowed").GetBoolean());
        Assert.False(verdicts["aws-vpc"].GetProperty("allowed").GetBoolean());
        Assert.Equal("servicePortMustEqualTargetPort", verdicts["aws-vpc"].GetProperty("reasons")[0].GetProperty("behaviour").GetString());
    }

    [Fact]
    public void Test_through_a_service_under_aws_vpc_uses_the_service_port_for_egress()
    {
        var dir = Directory.CreateTempSubdirectory("netpol-aws-svc-");
        try
        {
            var manifests = Path.Combine(dir.FullName, "m.yaml");
            File.WriteAllText(manifests, ServicePort.Replace("EGRESS_PORT", "8080", StringComparison.Ordinal));
            var spec = Path.Combine(dir.FullName, "tests.yaml");
            File.WriteAllText(spec, """
                tests:
                - name: client reaches web through its Service
                  from: shop/client
                  to: shop/svc/web
                  port: 80
                  expect: allow
                """);

            Assert.Equal(0, CliRunner.Run("test", "-f", manifests, spec).Exit);
            var aws = CliRunner.Run("test", "-f", manifests, spec, "--cni", "aws-vpc");
            Assert.Equal(1, aws.Exit);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
    private const string Tiers = "example:admin-guardrails";

    [Fact]
    public void Graph_under_a_profile_marks_the_edges_that_differ_and_lists_them()
    {
        var (exit, output, error) = CliRunner.Run("graph", "-f", Tiers, "--cni", "cilium");

        Assert.True(exit == 0, error);
        Assert.Contains("8080/TCP *", output, StringComparison.Ordinal);
        Assert.Contains("* differs from portable on cilium", output, StringComparison.Ordinal);
        Assert.Contains("network plugin cilium (ignores cnp/always-allow-monitoring, cnp/deny-dev-to-prod, cnp/delegate-prod-to-owners, cnp/default-deny; carries no SCTP", output, StringComparison.Ordinal);
        Assert.Matches(@"dev/deploy/web -> prod/deploy/web +cilium: 8080/TCP  portable: none", output);
        Assert.Matches(@"monitoring/deploy/prometheus -> dev/deploy/web +cilium: none  portable: 9090/TCP \(not drawn\)", output);
    }

    [Fact]
    public void Graph_dot_under_a_profile_draws_differing_edges_orange_and_portable_only_ones_dotted()
    {
        var (exit, output, _) = CliRunner.Run("graph", "-f", Tiers, "--cni", "cilium", "-o", "dot");

        Assert.Equal(0, exit);
        Assert.Contains("\"dev/deploy/web\" -> \"prod/deploy/web\" [label=\"8080/TCP *\", penwidth=2, color=\"#dd6b20\", fontcolor=\"#dd6b20\", tooltip=\"portable: none\"];", output, StringComparison.Ordinal);
        Assert.Contains("\"monitoring/deploy/prometheus\" -> \"dev/deploy/web\" [label=\"portable only: 9090/TCP\", style=dotted", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_under_a_profile_that_agrees_says_so()
    {
        var (_, portable, _) = CliRunner.Run("graph", "-f", Tiers);
        var (_, calico, _) = CliRunner.Run("graph", "-f", Tiers, "--cni", "calico");

        Assert.Contains("network plugin calico: every edge drawn is the same as portable", calico, StringComparison.Ordinal);
        Assert.Equal(portable, calico.Replace("network plugin calico: every edge drawn is the same as portable\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_json_under_a_profile_marks_the_pods_whose_protection_differs()
    {
        var (exit, output, error) = CliRunner.Run("coverage", "-f", Tiers, "--cni", "cilium", "-o", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("cilium", root.GetProperty("cni").GetString());
        Assert.Equal(4, root.GetProperty("ignoredClusterPolicies").GetArrayLength());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("portableTiers").GetProperty("protectedByBaselineIngress").GetInt32());
        Assert.Equal(0, root.GetProperty("summary").GetProperty("tiers").GetProperty("protectedByBaselineIngress").GetInt32());
        var pods = root.GetProperty("pods").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        var worker = pods["prod/deploy/worker"];
        Assert.True(worker.GetProperty("cniDiffers").GetBoolean());
        Assert.Equal(1, worker.GetProperty("portableTiers").GetProperty("protectedByBaselineIngress").GetInt32());
        Assert.Equal("cnp/default-deny", worker.GetProperty("portableClusterPolicies")[3].GetString());
        Assert.False(pods["kube-system/deploy/coredns"].GetProperty("cniDiffers").GetBoolean());
        Assert.False(pods["kube-system/deploy/coredns"].TryGetProperty("portableTiers", out _));
    }

    [Fact]
    public void Coverage_table_under_a_profile_lists_ignored_policies_and_differing_pods()
    {
        var (_, output, _) = CliRunner.Run("coverage", "-f", Tiers, "--cni", "cilium");

        Assert.Contains("network plugin cilium: ignores cnp/always-allow-monitoring, cnp/deny-dev-to-prod, cnp/delegate-prod-to-owners, cnp/default-deny (Cilium", output, StringComparison.Ordinal);
        Assert.Contains("protection differs from portable for 5 pods (portable -> cilium):", output, StringComparison.Ordinal);
        Assert.Contains("  prod/deploy/worker: cluster policies cnp/always-allow-monitoring, cnp/deny-dev-to-prod, cnp/delegate-prod-to-owners, cnp/default-deny -> none; protected by baseline in/out 1/1 -> 0/0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_json_without_cni_is_unchanged()
    {
        var (_, output, _) = CliRunner.Run("coverage", "-f", Tiers, "-o", "json");

        Assert.DoesNotContain("cniDiffers", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"cni\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("portableTiers", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graph")]
    [InlineData("coverage")]
    public void Graph_and_coverage_refuse_cni_all(string command)
    {
        var (exit, output, error) = CliRunner.Run(command, "-f", Tiers, "--cni", "all");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("--cni all: ", error, StringComparison.Ordinal);
        Assert.Contains("name one profile (portable, calico, cilium, aws-vpc, antrea, ovn-kubernetes, flannel)", error, StringComparison.Ordinal);
        Assert.Contains("matrix --cni all", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_under_a_plugin_compares_connections_as_it_enforces_both_sides()
    {
        var dir = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "diff-tiers");
        string[] sides = ["--base", Path.Combine(dir, "base.yaml"), "--head", Path.Combine(dir, "head.yaml")];

        var portable = CliRunner.Run(["diff", .. sides]);
        var cilium = CliRunner.Run(["diff", .. sides, "--cni", "cilium"]);

        Assert.EndsWith("4 connections gained, 5 lost; 1 policy changed; 4 cluster policies changed\n", portable.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("network plugin", portable.Out, StringComparison.Ordinal);

        // Cilium implements no cluster network policy: only the NetworkPolicy change moves connections, nothing is lost.
        Assert.Equal(0, cilium.Exit);
        Assert.StartsWith("network plugin: cilium (Cilium): connections compared as it enforces both sides (--cni cilium)\n  it ignores anp/lock-monitoring, cnp/allow-monitoring, cnp/default-deny, cnp/deny-dev-to-prod", cilium.Out, StringComparison.Ordinal);
        Assert.EndsWith("3 connections gained, 0 lost; 1 policy changed; 4 cluster policies changed\n", cilium.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_json_under_a_plugin_names_it_and_what_it_ignores()
    {
        var dir = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "diff-tiers");
        string[] sides = ["--base", Path.Combine(dir, "base.yaml"), "--head", Path.Combine(dir, "head.yaml")];

        var (_, output, error) = CliRunner.Run(["diff", .. sides, "--cni", "calico", "-o", "json"]);
        var (_, plain, _) = CliRunner.Run(["diff", .. sides, "-o", "json"]);

        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.TryGetProperty("cni", out var cni), error);
        Assert.Equal("calico", cni.GetString());

        // Calico 3.32 dropped AdminNetworkPolicy: the added ANP's two lost connections are not lost there.
        Assert.Equal(["anp/lock-monitoring"], json.RootElement.GetProperty("ignoredClusterPolicies").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, json.RootElement.GetProperty("summary").GetProperty("lost").GetInt32());
        using var upstream = JsonDocument.Parse(plain);
        Assert.False(upstream.RootElement.TryGetProperty("cni", out _));
        Assert.Equal(5, upstream.RootElement.GetProperty("summary").GetProperty("lost").GetInt32());
    }

    [Fact]
    public void Diff_names_the_profiles_for_an_unknown_one()
    {
        var dir = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "diff-tiers");

        var (exit, output, error) = CliRunner.Run("diff", "--base", Path.Combine(dir, "base.yaml"), "--head", Path.Combine(dir, "head.yaml"), "--cni", "flanel");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("--cni flanel: unknown network plugin profile (did you mean \"flannel\"?); profiles: portable, calico, cilium, aws-vpc, antrea, ovn-kubernetes, flannel, all", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_refuses_cni_all()
    {
        var dir = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "diff-tiers");

        var (exit, output, error) = CliRunner.Run("diff", "--base", Path.Combine(dir, "base.yaml"), "--head", Path.Combine(dir, "head.yaml"), "--cni", "all");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("--cni all: a diff compares connections on one network plugin at a time; name one profile (portable, calico, cilium, aws-vpc, antrea, ovn-kubernetes, flannel)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_under_flannel_allows_what_the_policies_deny_and_says_why()
    {
        var (exit, output, _) = CliRunner.RunWithInput(NodeLocal, "check", "-f", "-", "--from", "kube-system/agent", "--to", "prod/web", "--port", "80", "--cni", "flannel");

        Assert.Equal(0, exit);
        Assert.Contains("network plugin flannel: differs from portable (portable: DENIED, flannel: ALLOWED)", output, StringComparison.Ordinal);
        Assert.Contains("enforces no NetworkPolicy", output, StringComparison.Ordinal);
        Assert.Contains("note: flannel: no policy of the input is applied, so no pod is isolated", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_under_flannel_reports_every_policy_as_without_effect()
    {
        var (_, output, _) = CliRunner.Run("lint", "-f", "example:three-tier-app", "--cni", "flannel");
        var (_, plain, _) = CliRunner.Run("lint", "-f", "example:three-tier-app");

        Assert.Contains("error[cni-without-policy-support]", output, StringComparison.Ordinal);
        Assert.Contains("--cni flannel: Flannel (no policy enforcement) enforces no NetworkPolicy, so this policy has no effect", output, StringComparison.Ordinal);
        Assert.DoesNotContain("cni-without-policy-support", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Cni_all_compares_the_enforcing_plugins_and_leaves_flannel_out()
    {
        var (_, output, _) = CliRunner.Run("matrix", "-f", Example, "--port", "8443", "--cni", "all");

        Assert.StartsWith("network plugin profiles: portable, calico, cilium, aws-vpc, antrea, ovn-kubernetes\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_for_aws_vpc_writes_port_numbers_beside_address_peers()
    {
        var flows = Path.Combine(CliRunner.RepoRoot(), "tests", "Scenarios", "examples", "three-tier-app", "flows.jsonl");

        var portable = CliRunner.Run("generate", "-f", "example:three-tier-app", "--flows", flows);
        var aws = CliRunner.Run("generate", "-f", "example:three-tier-app", "--flows", flows, "--cni", "aws-vpc");
        var all = CliRunner.Run("generate", "-f", "example:three-tier-app", "--flows", flows, "--cni", "all");

        Assert.Contains("port: https", portable.Out, StringComparison.Ordinal);
        Assert.Equal(0, aws.Exit);
        Assert.DoesNotContain("port: https", aws.Out, StringComparison.Ordinal);
        Assert.Contains("port: 443", aws.Out, StringComparison.Ordinal);
        Assert.Equal(2, all.Exit);
    }
}
