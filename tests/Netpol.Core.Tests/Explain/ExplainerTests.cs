using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Core.Tests.Rules;
using static Netpol.Core.Tests.Rules.World;

// Not Netpol.Core.Tests.Explain: that would shadow Netpol.Core.Explain where tests write Explain.Explainer.
namespace Netpol.Core.Tests.Explanations;

public partial class ExplainerTests
{
    /// <summary>A connection that some rule allows, and the reference to the first rule that allows it on one side.</summary>
    public sealed record ReferenceCase(
        string Name,
        string[] World,
        string[] Policies,
        string From,
        string To,
        string Port,
        Direction Side,
        string Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly string[] Pods =
    [
        "namespace default",
        "namespace dev env=dev",
        "pod default/a app=a ip:10.0.0.1",
        "pod default/b app=b ip:10.0.0.2 port:http=8080/TCP",
        "pod default/x app=x ip:10.0.0.3",
        "pod default/unlabeled ip:10.0.0.4",
        "pod default/pending app=a",
        "pod default/node-agent app=a ip:192.168.1.10 hostNetwork",
        "pod dev/tool app=tool ip:10.1.0.1",
    ];

    private static readonly string FromAOn80 = Policy("default/b-ingress", """
        podSelector: {matchLabels: {app: b}}
        ingress:
        - from: [{podSelector: {matchLabels: {app: a}}}]
          ports: [{port: 80}]
        """);

    [Theory]
    [MemberData(nameof(References))]
    public void The_allowing_rule_is_named_by_policy_rule_peer_and_port(ReferenceCase row)
    {
        // Given
        var cluster = Load(row.World, row.Policies);

        // When
        var explanation = Explain(cluster, row.From, row.To, row.Port);

        // Then
        Assert.True(explanation.Allowed);
        var side = row.Side == Direction.Ingress ? explanation.Ingress : explanation.Egress;
        Assert.Equal(row.Expected, side.AllowingRules.First().Reference);
    }

    [Theory]
    [MemberData(nameof(IsolationTests.Cases), MemberType = typeof(IsolationTests))]
    [MemberData(nameof(PolicyTypesTests.Cases), MemberType = typeof(PolicyTypesTests))]
    [MemberData(nameof(AdditivityTests.Cases), MemberType = typeof(AdditivityTests))]
    [MemberData(nameof(DirectionTests.Cases), MemberType = typeof(DirectionTests))]
    [MemberData(nameof(RuleShapeTests.Cases), MemberType = typeof(RuleShapeTests))]
    [MemberData(nameof(PeerTests.Cases), MemberType = typeof(PeerTests))]
    [MemberData(nameof(SelectorTests.Cases), MemberType = typeof(SelectorTests))]
    [MemberData(nameof(PortTests.Cases), MemberType = typeof(PortTests))]
    [MemberData(nameof(TierTests.Cases), MemberType = typeof(TierTests))]
    public void The_explainer_gives_the_verdict_the_spec_gives(ConnectivityCase row)
    {
        // Given
        var cluster = Load(row);

        // When
        var explanation = Explain(cluster, row.From, row.To, row.Port);

        // Then
        Assert.Equal(row.Allowed, explanation.Allowed);
        Assert.Equal(row.Allowed, explanation.Suggestions.Count == 0);
    }

    [Fact]
    public void A_rule_whose_peer_matches_but_not_its_port_is_a_near_miss_with_a_port_suggestion()
    {
        // Given
        var cluster = Load(Pods, [FromAOn80]);

        // When
        var explanation = Explain(cluster, "default/a", "default/b", "81/TCP");

        // Then
        Assert.False(explanation.Allowed);
        var miss = Assert.Single(explanation.Ingress.NearMisses);
        Assert.True(miss.PeerMatched);
        Assert.False(miss.PortMatched);
        Assert.Equal("policy default/b-ingress ingress[0] from[0]", miss.Reference);
        Assert.Equal(
            ["add port 81/TCP to default/b-ingress ingress[0].ports (it allows pods app=a in the policy's namespace on 80/TCP only)"],
            explanation.Suggestions);
    }

    [Fact]
    public void A_rule_whose_port_matches_but_not_its_peer_is_a_near_miss_naming_the_failing_label()
    {
        // Given
        var cluster = Load(Pods, [FromAOn80]);

        // When
        var explanation = Explain(cluster, "default/x", "default/b", "80/TCP");

        // Then
        Assert.False(explanation.Allowed);
        var miss = Assert.Single(explanation.Ingress.NearMisses);
        Assert.False(miss.PeerMatched);
        Assert.True(miss.PortMatched);
        Assert.Equal("policy default/b-ingress ingress[0] ports[0]", miss.Reference);
        Assert.Equal(["pods app=a in the policy's namespace: pod default/x has app=x, needs app=a"], miss.PeerMisses);
        Assert.Equal(["kubectl label pod x -n default app=a --overwrite"], explanation.Suggestions);
    }

    [Fact]
    public void A_peer_miss_on_a_missing_label_says_the_label_is_missing()
    {
        // Given
        var cluster = Load(Pods, [FromAOn80]);

        // When
        var explanation = Explain(cluster, "default/unlabeled", "default/b", "80/TCP");

        // Then
        var miss = Assert.Single(explanation.Ingress.NearMisses);
        Assert.Equal(["pods app=a in the policy's namespace: pod default/unlabeled has no label app (needs app=a)"], miss.PeerMisses);
    }

    [Fact]
    public void A_missing_namespace_label_is_fixed_with_a_kubectl_label_command()
    {
        // Given
        var cluster = Load(Pods, [Policy("default/b-from-ops", """
            podSelector: {matchLabels: {app: b}}
            ingress:
            - from: [{namespaceSelector: {matchLabels: {team: ops}}}]
              ports: [{port: 80}]
            """)]);

        // When
        var explanation = Explain(cluster, "dev/tool", "default/b", "80/TCP");

        // Then
        Assert.False(explanation.Allowed);
        var miss = Assert.Single(explanation.Ingress.NearMisses);
        Assert.Equal(["all pods in namespaces team=ops: namespace dev has no label team (needs team=ops)"], miss.PeerMisses);
        Assert.Equal(["kubectl label namespace dev team=ops --overwrite"], explanation.Suggestions);
    }

    [Fact]
    public void A_pod_without_an_IP_gets_a_note_when_an_ipBlock_could_have_matched_it()
    {
        // Given
        var cluster = Load(Pods, [Policy("default/b-from-lan", """
            podSelector: {matchLabels: {app: b}}
            ingress:
            - from: [{ipBlock: {cidr: 0.0.0.0/0}}]
            """)]);

        // When
        var explanation = Explain(cluster, "default/pending", "default/b", "80/TCP");

        // Then
        Assert.False(explanation.Allowed);
        Assert.Contains("default/pending (source) has no IP (no status.podIP in the input), so ipBlock peers cannot match it", explanation.Notes);
        var outcome = Assert.Single(explanation.Ingress.Rules);
        Assert.Equal(["ipBlock 0.0.0.0/0: default/pending has no IP, so no ipBlock can match it"], outcome.PeerMisses);
    }

    [Fact]
    public void A_pod_without_an_IP_gets_no_note_when_no_ipBlock_is_involved()
    {
        // Given
        var cluster = Load(Pods, [FromAOn80]);

        // When
        var explanation = Explain(cluster, "default/pending", "default/b", "80/TCP");

        // Then
        Assert.True(explanation.Allowed);
        Assert.Empty(explanation.Notes);
    }

    [Fact]
    public void A_hostNetwork_source_gets_a_note_and_is_not_matched_by_a_podSelector()
    {
        // Given
        var cluster = Load(Pods, [FromAOn80]);

        // When
        var explanation = Explain(cluster, "default/node-agent", "default/b", "80/TCP");

        // Then
        Assert.False(explanation.Allowed);
        Assert.Equal(IsolationStatus.HostNetwork, explanation.Egress.Status);
        Assert.Equal(
            ["default/node-agent uses hostNetwork: NetworkPolicy does not apply to it, and as a peer it carries the node's address, which pod and namespace selectors do not match (CNIs differ here)"],
            explanation.Notes);
        var outcome = Assert.Single(explanation.Ingress.Rules);
        Assert.Equal(["pods app=a in the policy's namespace: default/node-agent uses hostNetwork; selectors do not match it"], outcome.PeerMisses);
    }

    [Fact]
    public void A_hostNetwork_destination_is_not_isolated()
    {
        // Given
        var cluster = Load(Pods, [Policy("default/deny-all", """
            podSelector: {}
            policyTypes: [Ingress]
            """)]);

        // When
        var explanation = Explain(cluster, "203.0.113.1", "default/node-agent", "9100/TCP");

        // Then
        Assert.True(explanation.Allowed);
        Assert.Equal(IsolationStatus.HostNetwork, explanation.Ingress.Status);
        Assert.Single(explanation.Notes, n => n.StartsWith("default/node-agent uses hostNetwork", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pod_connecting_to_itself_is_allowed_with_a_note()
    {
        // Given
        var cluster = Load(Pods, [Policy("default/deny-all", """
            podSelector: {}
            policyTypes: [Ingress, Egress]
            """)]);

        // When
        var explanation = Explain(cluster, "default/a", "default/a", "80/TCP");

        // Then
        Assert.True(explanation.Allowed);
        Assert.True(explanation.SamePod);
        Assert.Equal(["default/a connecting to itself is always allowed: NetworkPolicy does not apply to a pod's traffic to itself"], explanation.Notes);
    }

    [Fact]
    public void A_denial_with_no_near_miss_suggests_a_new_rule()
    {
        // Given
        var cluster = Load(Pods, [Policy("default/deny-b", """
            podSelector: {matchLabels: {app: b}}
            policyTypes: [Ingress]
            """)]);

        // When
        var explanation = Explain(cluster, "dev/tool", "default/b", "80/TCP");

        // Then
        Assert.False(explanation.Allowed);
        Assert.Equal(
            ["no ingress rule of the policies selecting default/b (deny-b) admits dev/tool; add one: ingress: [{from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: dev}}, podSelector: {matchLabels: {app: tool}}}], ports: [{port: 80, protocol: TCP}]}]"],
            explanation.Suggestions);
    }

    private static ConnectionExplanation Explain(Cluster cluster, string from, string to, string probe)
    {
        var (port, protocol) = World.Probe(probe);
        return new Explainer(cluster).Explain(cluster.EndpointNamed(from), cluster.EndpointNamed(to), port, protocol);
    }
}
