using System.Net;
using Netpol.Cli.Tests;
using Netpol.Core.Model;
using Netpol.Lab.Compile;

namespace Netpol.Lab.Tests.Compile;

/// <summary>How each part of a policy turns into nft rules.</summary>
public sealed class NftablesCompilerTests
{
    private static Pod Pod(string ns, string name, string? ip, Dictionary<string, string>? labels = null, params ContainerPort[] ports) =>
        new(ns, name, labels ?? new Dictionary<string, string>(), ip is null ? [] : [IPAddress.Parse(ip)], ports);

    private static NetworkPolicy Policy(string ns, string name, LabelSelector selector, IReadOnlyList<PolicyRule> ingress, IReadOnlyList<PolicyRule>? egress = null) =>
        new(ns, name, selector, true, egress is not null, ingress, egress ?? []);

    private static string Compile(Cluster cluster, Pod? only = null) => NftablesCompiler.Compile(cluster, new AddressPlan(cluster), only).Text;

    private static Dictionary<string, string> L(string key, string value) => new() { [key] = value };

    [Fact]
    public void Pods_no_policy_selects_are_not_in_the_dispatch_maps()
    {
        var web = Pod("shop", "web", "10.0.0.1", L("app", "web"));
        var free = Pod("shop", "free", "10.0.0.2", L("app", "free"));
        var text = Compile(new Cluster([], [web, free], [Policy("shop", "deny", LabelSelector.FromLabels(L("app", "web")), [])]));
        Assert.Contains("10.0.0.1 : jump in_shop_web", text, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.0.2 :", text, StringComparison.Ordinal);
        Assert.Contains("drop comment \"shop/web ingress: isolated by deny; nothing else allowed\"", text, StringComparison.Ordinal);
        Assert.Contains("has no ingress rules", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Selector_peers_become_named_sets_of_the_matching_pods_addresses()
    {
        var web = Pod("shop", "web", "10.0.0.1", L("app", "web"));
        var api = Pod("shop", "api", "10.0.0.2", L("app", "api"));
        var other = Pod("shop", "other", "10.0.0.3", L("app", "other"));
        var rule = new PolicyRule([new PolicyPeer(LabelSelector.FromLabels(L("app", "web")), null, null)], [new PolicyPort(Protocol.TCP, 8080)]);
        var text = Compile(new Cluster([], [web, api, other], [Policy("shop", "api-in", LabelSelector.FromLabels(L("app", "api")), [rule])]));
        Assert.Contains("elements = { 10.0.0.1 }", text, StringComparison.Ordinal);
        Assert.Contains("ip saddr @peers_shop_api_in_ingress_0_from_0_v4 tcp dport 8080 accept comment \"shop/api-in ingress[0].from[0] 8080/TCP\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("10.0.0.3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void IPBlock_keeps_its_cidr_minus_except_and_never_matches_placeholder_addresses()
    {
        var db = Pod("shop", "db", null, L("app", "db"));
        var block = new IPBlock(IPNetwork.Parse("10.0.0.0/8"), [IPNetwork.Parse("10.1.0.0/16")]);
        var rule = new PolicyRule([new PolicyPeer(null, null, block)], [new PolicyPort(Protocol.TCP, 5432)]);
        var text = Compile(new Cluster([], [db], [Policy("shop", "db-in", LabelSelector.Everything, [rule])]));
        Assert.Contains("ip saddr 10.0.0.0/8 ip saddr != { 10.1.0.0/16 } ip saddr != @placeholders_v4 tcp dport 5432 accept", text, StringComparison.Ordinal);
        Assert.Contains("198.18.0.1 : jump in_shop_db", text, StringComparison.Ordinal);
        Assert.DoesNotContain("placeholders_v6", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_ports_resolve_against_the_selected_pod_in_ingress()
    {
        var a = Pod("shop", "a", "10.0.0.1", L("app", "web"), new ContainerPort("http", 8080, Protocol.TCP));
        var b = Pod("shop", "b", "10.0.0.2", L("app", "web"), new ContainerPort("http", 9090, Protocol.TCP));
        var c = Pod("shop", "c", "10.0.0.3", L("app", "web"));
        var rule = new PolicyRule([], [new PolicyPort(Protocol.TCP, Name: "http")]);
        var text = Compile(new Cluster([], [a, b, c], [Policy("shop", "web", LabelSelector.FromLabels(L("app", "web")), [rule])]));
        Assert.Contains("ip daddr 10.0.0.1 tcp dport 8080 accept", text, StringComparison.Ordinal);
        Assert.Contains("ip daddr 10.0.0.2 tcp dport 9090 accept", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ip daddr 10.0.0.3", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_ports_resolve_against_each_destination_in_egress_and_never_reach_external_addresses()
    {
        var client = Pod("shop", "client", "10.0.0.1", L("app", "client"));
        var a = Pod("shop", "a", "10.0.0.2", L("app", "db"), new ContainerPort("pg", 5432, Protocol.TCP));
        var b = Pod("shop", "b", "10.0.0.3", L("app", "db"), new ContainerPort("pg", 5433, Protocol.TCP));
        var rule = new PolicyRule([new PolicyPeer(null, null, new IPBlock(IPNetwork.Parse("0.0.0.0/0"), []))], [new PolicyPort(Protocol.TCP, Name: "pg")]);
        var text = Compile(new Cluster([], [client, a, b], [Policy("shop", "out", LabelSelector.FromLabels(L("app", "client")), [], [rule])]));
        Assert.Contains("ip daddr 10.0.0.2 tcp dport 5432 accept", text, StringComparison.Ordinal);
        Assert.Contains("ip daddr 10.0.0.3 tcp dport 5433 accept", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ip daddr 0.0.0.0/0 tcp dport", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EndPort_ranges_and_protocol_only_ports_compile_to_ranges_and_l4proto()
    {
        var web = Pod("shop", "web", "10.0.0.1");
        var rule = new PolicyRule([], [new PolicyPort(Protocol.TCP, 8000, EndPort: 8100), new PolicyPort(Protocol.UDP)]);
        var text = Compile(new Cluster([], [web], [Policy("shop", "web", LabelSelector.Everything, [rule])]));
        Assert.Contains("tcp dport 8000-8100 accept", text, StringComparison.Ordinal);
        Assert.Contains("meta l4proto udp accept", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_add_up_as_jumps_from_the_pod_chain()
    {
        var web = Pod("shop", "web", "10.0.0.1", L("app", "web"));
        var text = Compile(new Cluster([], [web], [
            Policy("shop", "a", LabelSelector.Everything, [new PolicyRule([], [new PolicyPort(Protocol.TCP, 80)])]),
            Policy("shop", "b", LabelSelector.FromLabels(L("app", "web")), [new PolicyRule([], [new PolicyPort(Protocol.TCP, 443)])]),
        ]));
        var chain = text[text.IndexOf("chain in_shop_web {", StringComparison.Ordinal)..];
        Assert.Matches(@"chain in_shop_web \{\s+jump pol_shop_a_in\s+jump pol_shop_b_in\s+drop", chain);
    }

    [Fact]
    public void HostNetwork_pods_are_never_isolated_and_never_in_selector_sets()
    {
        var node = Pod("kube-system", "agent", "192.168.0.10", L("app", "agent")) with { HostNetwork = true };
        var rule = new PolicyRule([new PolicyPeer(LabelSelector.Everything, LabelSelector.Everything, null)], []);
        var text = Compile(new Cluster([], [node], [Policy("kube-system", "all", LabelSelector.Everything, [rule])]));
        Assert.DoesNotContain("192.168.0.10", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pod_option_keeps_only_that_pods_chains()
    {
        var (exit, output, _) = CliRunner.Run("compile", "-f", "example:three-tier-app", "--pod", "webshop/deploy/frontend");
        Assert.Equal(0, exit);
        Assert.Contains("chain in_webshop_deploy_frontend", output, StringComparison.Ordinal);
        Assert.DoesNotContain("chain in_webshop_sts_database", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_pod_is_bad_input_with_a_suggestion()
    {
        var (exit, _, error) = CliRunner.Run("compile", "-f", "example:three-tier-app", "--pod", "webshop/deploy/frontnd");
        Assert.Equal(2, exit);
        Assert.Contains("did you mean webshop/deploy/frontend?", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_file_gets_the_ruleset()
    {
        var path = Path.Combine(Path.GetTempPath(), $"netpol-compile-{Environment.ProcessId}.nft");
        try
        {
            var (exit, output, error) = CliRunner.Run("compile", "-f", "example:three-tier-app", "-o", path);
            Assert.Equal(0, exit);
            Assert.Empty(output);
            Assert.Contains($"wrote {path}", error, StringComparison.Ordinal);
            Assert.Equal(CliRunner.Run("compile", "-f", "example:three-tier-app").Out, File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Comments_stay_within_nftables_limit()
    {
        var name = new string('x', 200);
        var web = Pod("shop", name, "10.0.0.1");
        var text = Compile(new Cluster([], [web], [Policy("shop", name, LabelSelector.Everything, [new PolicyRule([], [new PolicyPort(Protocol.TCP, 80)])])]));
        foreach (var comment in System.Text.RegularExpressions.Regex.Matches(text, "comment \"([^\"]*)\"").Select(m => m.Groups[1].Value))
        {
            Assert.True(comment.Length <= 127, comment);
        }
    }
}
