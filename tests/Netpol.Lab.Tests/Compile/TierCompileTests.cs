using System.Net;
using System.Text.RegularExpressions;
using Netpol.Cli.Tests;
using Netpol.Core.Model;
using Netpol.Lab.Compile;

namespace Netpol.Lab.Tests.Compile;

/// <summary>How the Admin and Baseline tiers of cluster network policies turn into nft chains and rules.</summary>
public sealed partial class TierCompileTests
{
    private static readonly LabelSelector All = LabelSelector.Everything;

    private static Pod Pod(string ns, string name, string? ip, params ContainerPort[] ports) =>
        new(ns, name, new Dictionary<string, string> { ["app"] = name }, ip is null ? [] : [IPAddress.Parse(ip)], ports);

    private static LabelSelector App(string app) => LabelSelector.FromLabels(new Dictionary<string, string> { ["app"] = app });

    private static ClusterNetworkPolicy Cnp(string name, ClusterPolicyTier tier, int priority, LabelSelector? pods, IReadOnlyList<ClusterPolicyRule>? ingress = null, IReadOnlyList<ClusterPolicyRule>? egress = null) =>
        new(name, tier, priority, new ClusterPolicySubject(All, pods), ingress ?? [], egress ?? []);

    private static ClusterPolicyRule Rule(ClusterRuleAction action, ClusterPolicyPeer peer, params ClusterPolicyPort[] ports) => new(null, action, [peer], ports);

    private static ClusterPolicyPeer AnyPod => new(NamespaceSelector: All);

    private static NetworkPolicy DenyIngress(string ns, string app) => new(ns, $"deny-{app}", App(app), true, false, [], []);

    private static NftRuleset Compile(Cluster cluster) => NftablesCompiler.Compile(cluster, new AddressPlan(cluster));

    private static string Chain(string text, string name)
    {
        var start = text.IndexOf($"\tchain {name} {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no chain {name} in\n{text}");
        return text[start..text.IndexOf("\t}", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void Admin_rules_keep_their_order_and_become_accept_and_drop_with_a_comment_naming_the_rule()
    {
        var b = Pod("x", "b", "10.0.0.2");
        var policy = Cnp("guard", ClusterPolicyTier.Admin, 1, App("b"), ingress:
        [
            Rule(ClusterRuleAction.Deny, AnyPod, new ClusterPolicyPort(Protocol.TCP, 80)),
            Rule(ClusterRuleAction.Accept, AnyPod),
        ]);
        var text = Compile(new Cluster([], [Pod("x", "a", "10.0.0.1"), b], [], null, [policy])).Text;
        var chain = Chain(text, "cnp_guard_in");
        Assert.Matches(@"tcp dport 80 drop comment ""\[Admin\] cnp/guard ingress\[0\] Deny 80/TCP""\s+ip saddr @\S+ accept comment ""\[Admin\] cnp/guard ingress\[1\] Accept""", chain);
        Assert.Contains("10.0.0.2 : jump in_x_b,", text, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.0.1 : jump", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pass_goes_to_the_rest_of_the_subjects_evaluation_skipping_every_later_admin_rule()
    {
        var b = Pod("x", "b", "10.0.0.2");
        var pass = Cnp("pass", ClusterPolicyTier.Admin, 1, App("b"), ingress: [Rule(ClusterRuleAction.Pass, AnyPod)]);
        var deny = Cnp("deny", ClusterPolicyTier.Admin, 2, App("b"), ingress: [Rule(ClusterRuleAction.Deny, AnyPod)]);
        var text = Compile(new Cluster([], [Pod("x", "a", "10.0.0.1"), b], [DenyIngress("x", "b")], null, [pass, deny])).Text;
        Assert.Matches(@"ip saddr @\S+ ip daddr vmap @pass_ingress_v4 comment ""\[Admin\] cnp/pass ingress\[0\] Pass""", Chain(text, "cnp_pass_in"));
        Assert.Matches(@"jump cnp_pass_in\s+jump cnp_deny_in\s+goto in_x_b_netpol", Chain(text, "in_x_b"));
        Assert.Matches(@"jump pol_x_deny_b_in\s+drop", Chain(text, "in_x_b_netpol"));
        Assert.Contains("10.0.0.2 : goto in_x_b_netpol,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_applies_to_pods_no_NetworkPolicy_isolates_and_then_allows_by_default()
    {
        var isolated = Pod("x", "b", "10.0.0.2");
        var free = Pod("x", "c", "10.0.0.3");
        var baseline = Cnp("base", ClusterPolicyTier.Baseline, 0, null, ingress: [Rule(ClusterRuleAction.Deny, new ClusterPolicyPeer(NamespaceSelector: All, PodSelector: App("a")))]);
        var text = Compile(new Cluster([], [Pod("x", "a", "10.0.0.1"), isolated, free], [DenyIngress("x", "b")], null, [baseline])).Text;
        Assert.Matches(@"jump cnp_base_in\s+accept comment ""x/c ingress: no tier decided; allowed by default""", Chain(text, "in_x_c"));
        Assert.DoesNotContain("cnp_base_in", Chain(text, "in_x_b"), StringComparison.Ordinal);
        Assert.Contains("drop comment \"[Baseline] cnp/base ingress[0] Deny\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_admin_subject_no_NetworkPolicy_isolates_gets_a_chain_that_ends_in_the_default_accept()
    {
        var b = Pod("x", "b", "10.0.0.2");
        var accept = Cnp("accept", ClusterPolicyTier.Admin, 1, App("b"), egress: [Rule(ClusterRuleAction.Accept, AnyPod)]);
        var text = Compile(new Cluster([], [b], [], null, [accept])).Text;
        Assert.Matches(@"jump cnp_accept_out\s+goto out_x_b_baseline", Chain(text, "out_x_b"));
        Assert.Contains("accept comment \"x/b egress: no tier decided; allowed by default\"", Chain(text, "out_x_b_baseline"), StringComparison.Ordinal);
        Assert.DoesNotContain("pass_", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Networks_keep_the_outermost_cidrs_and_never_match_placeholder_addresses()
    {
        var a = Pod("x", "a", "10.0.0.1");
        var pending = Pod("x", "pending", null);
        var peer = new ClusterPolicyPeer(Networks: [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("10.1.0.0/16"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("fd00::/8")]);
        var deny = Cnp("out", ClusterPolicyTier.Admin, 1, App("a"), egress: [Rule(ClusterRuleAction.Deny, peer)]);
        var text = Compile(new Cluster([], [a, pending], [], null, [deny])).Text;
        Assert.Contains("ip daddr { 10.0.0.0/8, 192.168.0.0/16 } ip daddr != @placeholders_v4 drop comment \"[Admin] cnp/out egress[0] Deny\"", text, StringComparison.Ordinal);
        Assert.Contains("ip6 daddr fd00::/8 drop", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Nodes_peers_become_sets_of_the_matching_nodes_addresses()
    {
        var a = Pod("x", "a", "10.0.0.1");
        var workers = new ClusterNode("w1", new Dictionary<string, string> { ["role"] = "worker" }, [IPAddress.Parse("192.168.1.10")]);
        var control = new ClusterNode("c1", new Dictionary<string, string> { ["role"] = "control" }, [IPAddress.Parse("192.168.1.1")]);
        var peer = new ClusterPolicyPeer(Nodes: LabelSelector.FromLabels(new Dictionary<string, string> { ["role"] = "worker" }));
        var accept = Cnp("nodes", ClusterPolicyTier.Admin, 1, App("a"), egress: [Rule(ClusterRuleAction.Accept, peer)]);
        var text = Compile(new Cluster([], [a], [], null, [accept], [workers, control])).Text;
        Assert.Contains("elements = { 192.168.1.10 }", text, StringComparison.Ordinal);
        Assert.DoesNotContain("192.168.1.1 ", text, StringComparison.Ordinal);
        Assert.Contains("ip daddr @peers_cnp_nodes_egress_0_to_0_v4 accept", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DomainNames_peers_become_comments_and_are_reported_as_uncompiled()
    {
        var a = Pod("x", "a", "10.0.0.1");
        var rule = new ClusterPolicyRule("docs", ClusterRuleAction.Accept, [new ClusterPolicyPeer(Networks: [IPNetwork.Parse("203.0.113.0/24")]), new ClusterPolicyPeer(DomainNames: ["example.com"])], []);
        var policy = Cnp("dns", ClusterPolicyTier.Admin, 1, App("a"), egress: [rule]);
        var ruleset = Compile(new Cluster([], [a], [], null, [policy]));
        Assert.Contains("# [Admin] cnp/dns egress[0] Accept: to[1] domainNames example.com: decided by DNS at run time", ruleset.Text, StringComparison.Ordinal);
        Assert.Contains("ip daddr 203.0.113.0/24 accept", ruleset.Text, StringComparison.Ordinal);
        var uncompiled = Assert.Single(ruleset.Uncompiled);
        Assert.Equal("spec.egress[0].to[1]", uncompiled.FieldPath);
    }

    [Fact]
    public void Named_ports_match_container_ports_of_that_name_in_any_protocol()
    {
        var b = Pod("x", "b", "10.0.0.2", new ContainerPort("dns", 53, Protocol.UDP), new ContainerPort("dns", 5353, Protocol.TCP));
        var c = Pod("x", "c", "10.0.0.3");
        var deny = Cnp("named", ClusterPolicyTier.Admin, 1, null, ingress: [Rule(ClusterRuleAction.Deny, AnyPod, new ClusterPolicyPort(null, NamedPort: "dns"))]);
        var text = Compile(new Cluster([], [Pod("x", "a", "10.0.0.1"), b, c], [], null, [deny])).Text;
        Assert.Contains("ip daddr 10.0.0.2 udp dport 53 drop comment \"[Admin] cnp/named ingress[0] Deny dns=", text, StringComparison.Ordinal);
        Assert.Contains("ip daddr 10.0.0.2 tcp dport 5353 drop", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ip daddr 10.0.0.3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HostNetwork_pods_are_never_subjects_nor_selector_peers()
    {
        var agent = Pod("x", "agent", "192.168.1.10") with { HostNetwork = true };
        var deny = Cnp("all", ClusterPolicyTier.Admin, 1, null, ingress: [Rule(ClusterRuleAction.Deny, AnyPod)]);
        var text = Compile(new Cluster([], [agent], [], null, [deny])).Text;
        Assert.DoesNotContain("192.168.1.10", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_kinds_are_named_anp_and_banp()
    {
        var b = Pod("x", "b", "10.0.0.2");
        var anp = Cnp("guard", ClusterPolicyTier.Admin, 1, null, ingress: [Rule(ClusterRuleAction.Deny, AnyPod)]) with { Kind = "AdminNetworkPolicy" };
        var banp = Cnp("default", ClusterPolicyTier.Baseline, 0, null, ingress: [Rule(ClusterRuleAction.Deny, AnyPod)]) with { Kind = "BaselineAdminNetworkPolicy" };
        var text = Compile(new Cluster([], [b], [], null, [anp, banp])).Text;
        Assert.Contains("comment \"[Admin] anp/guard ingress[0] Deny\"", text, StringComparison.Ordinal);
        Assert.Contains("comment \"[Baseline] banp/default ingress[0] Deny\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesFor_walks_every_tier_chain_a_pod_reaches()
    {
        var b = Pod("x", "b", "10.0.0.2");
        var admin = Cnp("admin", ClusterPolicyTier.Admin, 1, null, ingress: [Rule(ClusterRuleAction.Pass, AnyPod)]);
        var ruleset = Compile(new Cluster([], [Pod("x", "a", "10.0.0.1"), b], [DenyIngress("x", "b")], null, [admin]));
        var rules = ruleset.RulesFor(b, Direction.Ingress);
        Assert.Contains(rules, r => r.StartsWith("cnp_admin_in: ", StringComparison.Ordinal) && r.Contains("[Admin] cnp/admin ingress[0] Pass", StringComparison.Ordinal));
        Assert.Contains(rules, r => r.StartsWith("in_x_b_netpol: drop", StringComparison.Ordinal));
        Assert.Equal("cnp_admin_in", ruleset.ChainOf(admin, Direction.Ingress));
    }

    [Fact]
    public void Compile_warns_about_each_domainNames_peer_with_its_location_and_nothing_else()
    {
        const string manifests = """
            apiVersion: v1
            kind: Pod
            metadata: {name: a, namespace: dev}
            spec: {containers: [{name: c, image: nginx}]}
            status: {podIP: 10.0.0.1}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: docs}
            spec:
              tier: Admin
              priority: 1
              subject: {namespaces: {}}
              egress:
              - action: Accept
                to:
                - domainNames: [example.com]
            """;
        var (exit, output, error) = CliRunner.RunWithInput(manifests, "compile", "-f", "-");
        Assert.Equal(0, exit);
        Assert.Contains("chain cnp_docs_out", output, StringComparison.Ordinal);
        var warning = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(WarningLine(), warning);
    }

    [GeneratedRegex(@"^netpol: warning: .*:17:7: ClusterNetworkPolicy docs: spec\.egress\[0\]\.to\[0\]: domainNames cannot be compiled")]
    private static partial Regex WarningLine();
}
