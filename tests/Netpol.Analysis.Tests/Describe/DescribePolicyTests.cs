using Netpol.Analysis.Describe;
using Netpol.Core;
using Netpol.Core.Model;

namespace Netpol.Analysis.Tests.Describe;

public sealed class DescribePolicyTests
{
    private const string Pods = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {team: shop}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: empty, labels: {team: none}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec: {containers: [{name: c, image: i, ports: [{name: http, containerPort: 8080}]}]}
        status: {podIP: 10.0.0.1}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web2, namespace: shop, labels: {app: web}}
        spec: {containers: [{name: c, image: i, ports: [{name: http, containerPort: 9080}]}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: frontend, namespace: shop, labels: {app: frontend}}
        status: {podIP: 10.0.0.2}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: agent, namespace: shop, labels: {app: web}}
        spec: {hostNetwork: true}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: mon, namespace: ops, labels: {app: prometheus}}
        status: {podIP: 10.1.0.1}
        """;

    private static PolicyDescription Describe(string spec, string name = "shop/p")
    {
        var policy = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n" +
            string.Join("\n", spec.Split('\n').Select(l => "  " + l));
        return DescribeAnalysis.Policy(TestClusters.FromYaml(Pods + "\n---\n" + policy), name);
    }

    [Fact]
    public void A_policy_lists_the_pods_it_selects_and_the_hostNetwork_pods_it_cannot()
    {
        var p = Describe("podSelector: {matchLabels: {app: web}}");

        Assert.Equal(["shop/web", "shop/web2"], p.SelectedPods);
        Assert.Equal(["shop/agent"], p.HostNetworkPods);
        Assert.True(p.AffectsIngress);
        Assert.False(p.AffectsEgress);
        Assert.True(p.DeniesAll(Direction.Ingress));
        Assert.False(p.DeniesAll(Direction.Egress));
        Assert.False(p.SelectsNothing);
    }

    [Fact]
    public void A_policy_whose_selector_matches_no_pod_selects_nothing()
    {
        var p = Describe("podSelector: {matchLabels: {app: nothing}}");

        Assert.True(p.SelectsNothing);
        Assert.Empty(p.SelectedPods);
    }

    [Fact]
    public void Each_peer_lists_the_pods_it_matches_and_the_rule_their_union()
    {
        var p = Describe("""
            podSelector: {matchLabels: {app: web}}
            ingress:
            - from:
              - podSelector: {matchLabels: {app: frontend}}
              - namespaceSelector: {}
                podSelector: {matchLabels: {app: prometheus}}
              - ipBlock: {cidr: 10.0.0.0/24, except: [10.0.0.1/32]}
              ports: [{port: 8080}]
            """);

        var rule = Assert.Single(p.Rules);
        Assert.Equal("spec.ingress[0]", rule.Path);
        Assert.Equal(["shop/frontend"], rule.Peers[0].Pods);
        Assert.Equal(["shop"], rule.Peers[0].Namespaces);
        Assert.Equal(["ops/mon"], rule.Peers[1].Pods);
        Assert.Equal("spec.ingress[0].from[1]", rule.Peers[1].Path);
        Assert.Equal(["shop/frontend"], rule.Peers[2].Pods);
        Assert.Equal(["ops/mon", "shop/frontend"], rule.AdmittedPods);
        Assert.True(rule.AdmitsAddresses);
        Assert.False(rule.AdmitsNothing);
        Assert.False(rule.HasNamedPorts);
        Assert.Equal(["8080/TCP"], rule.WrittenPorts.Select(x => x.ToString()));
    }

    [Fact]
    public void A_rule_whose_selectors_match_nothing_admits_nothing()
    {
        var p = Describe("""
            podSelector: {}
            ingress:
            - from:
              - podSelector: {matchLabels: {app: frontnd}}
              - namespaceSelector: {matchLabels: {team: nobody}}
              - namespaceSelector: {matchLabels: {team: none}}
            - from:
              - podSelector: {matchLabels: {app: frontend}}
              - podSelector: {matchLabels: {app: frontnd}}
            """);

        var typo = p.Rules[0];
        Assert.True(typo.AdmitsNothing);
        Assert.All(typo.Peers, peer => Assert.True(peer.MatchesNothing));
        Assert.Equal(["shop"], typo.Peers[0].Namespaces);
        Assert.Empty(typo.Peers[1].Namespaces);
        Assert.Equal(["empty"], typo.Peers[2].Namespaces);
        var partly = p.Rules[1];
        Assert.False(partly.AdmitsNothing);
        Assert.False(partly.Peers[0].MatchesNothing);
        Assert.True(partly.Peers[1].MatchesNothing);
    }

    [Fact]
    public void A_rule_without_peers_admits_every_pod_and_address()
    {
        var p = Describe("podSelector: {}\npolicyTypes: [Egress]\negress: [{ports: [{port: 53, protocol: UDP}]}]");

        var rule = Assert.Single(p.Rules);
        Assert.Equal(Direction.Egress, rule.Direction);
        Assert.True(rule.AllPeers);
        Assert.True(rule.AdmitsAddresses);
        Assert.Equal(5, rule.AdmittedPods.Count);
    }

    [Fact]
    public void Named_ports_of_an_ingress_rule_resolve_against_each_selected_pod()
    {
        var p = Describe("podSelector: {matchLabels: {app: web}}\ningress: [{ports: [{port: http}]}]");

        var rule = Assert.Single(p.Rules);
        Assert.True(rule.HasNamedPorts);
        Assert.Equal(
            ["shop/web 8080/TCP", "shop/web2 9080/TCP"],
            rule.PortsByDestination.Select(r => $"{r.Destination} {r.Ports}"));
        Assert.False(rule.ResolvesToNoPort);
    }

    [Fact]
    public void Named_ports_of_an_egress_rule_resolve_against_each_admitted_pod()
    {
        var p = Describe("podSelector: {matchLabels: {app: frontend}}\npolicyTypes: [Egress]\negress: [{to: [{podSelector: {}}], ports: [{port: http}]}]");

        var rule = Assert.Single(p.Rules);
        Assert.Equal(
            ["shop/frontend none", "shop/web 8080/TCP", "shop/web2 9080/TCP"],
            rule.PortsByDestination.Select(r => $"{r.Destination} {r.Ports}"));
    }

    [Fact]
    public void A_named_port_no_destination_has_resolves_to_no_port()
    {
        var p = Describe("podSelector: {matchLabels: {app: web}}\ningress: [{ports: [{port: htp}]}, {ports: [{port: htp}, {port: 80}]}]");

        Assert.True(p.Rules[0].ResolvesToNoPort);
        Assert.False(p.Rules[1].ResolvesToNoPort);
    }

    [Fact]
    public void An_unknown_policy_lists_close_candidates()
    {
        var ex = Assert.Throws<NetpolException>(() => Describe("podSelector: {}", "shop/q"));
        var bare = Assert.Throws<NetpolException>(() => Describe("podSelector: {}", "p"));

        Assert.Contains("no NetworkPolicy \"shop/q\" in the input", ex.Message, StringComparison.Ordinal);
        Assert.Contains("shop/p", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no NetworkPolicy \"p\" in the input; did you mean shop/p?", bare.Message, StringComparison.Ordinal);
    }
}
