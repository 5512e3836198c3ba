using System.Globalization;
using System.Text;
using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Core.Reference;
using Netpol.Core.Tests.Properties;
using static Netpol.Core.Tests.Rules.World;

namespace Netpol.Core.Tests.Explanations;

/// <summary>
/// The explanation walks the tiers: per side, the Admin rules reached, NetworkPolicy, the Baseline rules reached, the
/// default. Rows (one per action and outcome) are in <c>TierExplanationTests.Cases.cs</c>.
/// </summary>
public sealed partial class TierExplanationTests
{
    // One connection, the side to look at, and the walk expected there; each step as REFERENCE RESULT ACTION,
    // e.g. "[Admin] cnp/deny ingress[0] Matched Deny".
    public sealed record WalkCase(
        string Name,
        string[] Policies,
        string From,
        string To,
        string Port,
        Direction Side,
        TierDecision DecidedBy,
        string[] Steps,
        bool Allowed)
    {
        public override string ToString() => Name;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public void The_explanation_lists_the_tier_rules_reached_and_what_decided(WalkCase row)
    {
        // Given
        var cluster = Load(Pods, row.Policies);

        // When
        var explanation = Explain(cluster, row.From, row.To, row.Port);

        // Then
        var side = row.Side == Direction.Ingress ? explanation.Ingress : explanation.Egress;
        Assert.True(side.Tiered);
        Assert.Equal(row.Steps, side.TierSteps.Select(s => $"{s.Reference} {s.Result} {s.Action}"));
        Assert.Equal(row.DecidedBy, side.DecidedBy);
        Assert.Equal(row.Allowed, explanation.Allowed);
        AssertAgreesWithReference(cluster, explanation);
    }

    [Fact]
    public void A_domain_names_rule_makes_the_verdict_depend_on_DNS_and_is_named()
    {
        // Given an Accept to a domain before a Deny of the address
        var cluster = Load(Pods, [DnsAllowlist]);

        // When
        var explanation = Explain(cluster, "prod/a", "8.8.8.8", "443/TCP");

        // Then
        Assert.False(explanation.Allowed);
        Assert.True(explanation.DependsOnDns);
        var step = Assert.Single(explanation.DnsSteps);
        Assert.Equal("[Admin] cnp/egress-allowlist egress[0]", step.Reference);
        Assert.Equal("example-api", step.RuleName);
        Assert.Contains("depends on DNS", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_the_domain_names_rule_does_not_cover_does_not_depend_on_DNS()
    {
        var cluster = Load(Pods, [DnsAllowlist]);

        var explanation = Explain(cluster, "prod/a", "8.8.8.8", "80/TCP");

        Assert.False(explanation.DependsOnDns);
        Assert.Equal(TierStepResult.PortNotMatched, explanation.Egress.AdminSteps[0].Result);
    }

    [Fact]
    public void Two_policies_of_one_priority_that_disagree_show_both_outcomes()
    {
        // Given two Admin policies of priority 5, both selecting b, one accepting and one denying a
        var cluster = Load(Pods, [NpDenyIngressToB, ClusterPolicy("a-accept", "Admin", 5, ToB, Rule("ingress", "Accept", "namespaces: {}")), ClusterPolicy("b-deny", "Admin", 5, ToB, Rule("ingress", "Deny", "namespaces: {}"))]);

        // When
        var explanation = Explain(cluster, "prod/a", "prod/b", "80/TCP");

        // Then: by name a-accept applies first and allows; the other way b-deny denies
        Assert.True(explanation.Allowed);
        var undefined = Assert.Single(explanation.UndefinedOrders);
        Assert.Equal(("a-accept", "b-deny", 5, ClusterPolicyTier.Admin), (undefined.First.Name, undefined.Second.Name, undefined.Priority, undefined.Tier));
        Assert.Equal((ClusterRuleAction.Accept, ClusterRuleAction.Deny), (undefined.FirstAction, undefined.SecondAction));
        Assert.False(undefined.AlternativeAllowed);
        Assert.True(undefined.AlternativePorts.IsEmpty);
    }

    [Fact]
    public void Two_policies_of_one_priority_that_agree_are_not_reported()
    {
        var cluster = Load(Pods, [ClusterPolicy("a-deny", "Admin", 5, ToB, Rule("ingress", "Deny", "namespaces: {}")), ClusterPolicy("b-deny", "Admin", 5, ToB, Rule("ingress", "Deny", "namespaces: {}"))]);

        var explanation = Explain(cluster, "prod/a", "prod/b", "80/TCP");

        Assert.Empty(explanation.UndefinedOrders);
    }

    [Fact]
    public void Two_policies_of_one_priority_behind_an_earlier_decision_are_not_reported()
    {
        // Given an earlier Deny that decides before either of the pair is reached
        var cluster = Load(Pods, [ClusterPolicy("first", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {}")), ClusterPolicy("a-accept", "Admin", 5, ToB, Rule("ingress", "Accept", "namespaces: {}")), ClusterPolicy("b-deny", "Admin", 5, ToB, Rule("ingress", "Deny", "namespaces: {}"))]);

        var explanation = Explain(cluster, "prod/a", "prod/b", "80/TCP");

        Assert.Empty(explanation.UndefinedOrders);
    }

    [Fact]
    public void A_peer_that_does_not_match_says_which_label_is_missing()
    {
        var cluster = Load(Pods, [ClusterPolicy("deny", "Admin", 1, ToB, Rule("ingress", "Deny", "namespaces: {matchLabels: {env: dev}}"))]);

        var explanation = Explain(cluster, "prod/a", "prod/b", "80/TCP");

        var step = Assert.Single(explanation.Ingress.AdminSteps);
        Assert.Equal(TierStepResult.PeerNotMatched, step.Result);
        Assert.Contains("namespace prod has env=prod", step.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Legacy_kinds_are_named_anp_and_banp()
    {
        var cluster = Load(Pods, [
            LegacyAdmin("pass-all", 1, ToB, "ingress:\n- action: Pass\n  from:\n  - namespaces: {}\n"),
            LegacyBaseline(ToB, "ingress:\n- action: Deny\n  from:\n  - namespaces: {}\n")]);

        var explanation = Explain(cluster, "prod/a", "prod/b", "80/TCP");

        Assert.Equal(["[Admin] anp/pass-all ingress[0]", "[Baseline] banp/default ingress[0]"], explanation.Ingress.TierSteps.Select(s => s.Reference));
        Assert.False(explanation.Allowed);
    }

    [Fact]
    public void Without_cluster_policies_the_sides_are_not_tiered()
    {
        var cluster = Load(Pods, [NpDenyIngressToB]);

        var explanation = Explain(cluster, "prod/a", "prod/b", "80/TCP");

        Assert.False(explanation.Tiered);
        Assert.False(explanation.Ingress.Tiered);
        Assert.Equal(TierDecision.None, explanation.Ingress.DecidedBy);
    }

    [Fact]
    public void The_explained_verdict_equals_the_reference_evaluator_on_random_tiered_clusters()
    {
        (int Port, Protocol Protocol)[] probes = [(53, Protocol.UDP), (80, Protocol.TCP), (443, Protocol.TCP), (8080, Protocol.TCP)];
        for (var seed = 0; seed < 300; seed++)
        {
            // Given a random cluster that usually has Admin and Baseline policies
            var cluster = RandomClusters.Generate(seed, clusterPolicies: true);
            var explainer = new Explainer(cluster);
            var reference = new ReferenceEvaluator(cluster);
            var endpoints = cluster.Pods.Select(Endpoint.ForPod).Concat(RandomClusters.Externals.Select(Endpoint.ForAddress)).ToList();

            // When every ordered pair is explained on every probe, Then the verdict is the reference one
            foreach (var a in endpoints)
            {
                foreach (var b in endpoints)
                {
                    var ports = reference.AllowedPorts(a, b);
                    var dns = reference.DependsOnDns(a, b);
                    foreach (var p in probes)
                    {
                        var e = explainer.Explain(a, b, p.Port, p.Protocol);
                        Assert.True(ports.Contains(p.Port, p.Protocol) == e.Allowed, $"seed {seed}: {a} -> {b} on {p.Port}/{p.Protocol}: reference {ports}, explained {e.Allowed}");
                        Assert.True(e.SamePod || e.Egress.AllowedPorts.Intersect(e.Ingress.AllowedPorts).Equals(ports), $"seed {seed}: {a} -> {b}: side ports");
                        Assert.True(e.SamePod || dns.Contains(p.Port, p.Protocol) == e.Egress.DependsOnDns, $"seed {seed}: {a} -> {b} on {p.Port}/{p.Protocol}: DNS");
                    }
                }
            }
        }
    }

    private static void AssertAgreesWithReference(Cluster cluster, ConnectionExplanation e)
    {
        var ports = new ReferenceEvaluator(cluster).AllowedPorts(e.From, e.To);
        Assert.Equal(ports.Contains(e.Port, e.Protocol), e.Allowed);
    }

    private static ConnectionExplanation Explain(Cluster cluster, string from, string to, string probe)
    {
        var (port, protocol) = Probe(probe);
        return new Explainer(cluster).Explain(cluster.EndpointNamed(from), cluster.EndpointNamed(to), port, protocol);
    }

    private static string Rule(string direction, string action, string peer, string? protocols = null)
    {
        var peers = direction == "ingress" ? "from" : "to";
        var text = $"{direction}:\n- action: {action}\n  {peers}:\n  - {peer}\n";
        return protocols is null ? text : text + $"  protocols:\n  - {protocols}\n";
    }

    /// <summary>A ClusterNetworkPolicy document; <paramref name="rules"/> is YAML at spec level, unindented.</summary>
    private static string ClusterPolicy(string name, string tier, int priority, string subject, string rules) =>
        Document("policy.networking.k8s.io/v1alpha2", "ClusterNetworkPolicy", name, $"tier: {tier}\npriority: {priority}\nsubject:\n  {subject}\n{rules}");

    private static string LegacyAdmin(string name, int priority, string subject, string rules) =>
        Document("policy.networking.k8s.io/v1alpha1", "AdminNetworkPolicy", name, $"priority: {priority}\nsubject:\n  {subject}\n{rules}");

    private static string LegacyBaseline(string subject, string rules) =>
        Document("policy.networking.k8s.io/v1alpha1", "BaselineAdminNetworkPolicy", "default", $"subject:\n  {subject}\n{rules}");

    private static string Document(string apiVersion, string kind, string name, string spec)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: {name}\nspec:\n");
        foreach (var line in spec.TrimEnd('\n').Split('\n'))
        {
            sb.Append("  ").Append(line).Append('\n');
        }

        return sb.ToString();
    }
}
