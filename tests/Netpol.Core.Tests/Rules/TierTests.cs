using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Core.Tests.Rules;

/// <summary>
/// The tiers: Admin cluster network policies, then NetworkPolicy for the pods it isolates, then Baseline cluster
/// network policies, then the default allow; per direction, and a connection still needs both. Both engines must
/// give each row's verdict. Rows are in <c>TierTests.Cases.cs</c>.
/// </summary>
public sealed partial class TierTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Tiers_decide_each_direction_in_order(ConnectivityCase row)
    {
        // Given
        var cluster = World.Load(row);

        // When
        var verdict = cluster.Connect(row.From, row.To);

        // Then
        verdict.ShouldBe(row.Allowed, row.Port);
    }

    [Fact]
    public void A_domain_names_rule_that_was_reached_is_recorded_as_depending_on_DNS()
    {
        // Given an Accept to a domain before a Deny of every address
        var cluster = World.Load(Pods, [ClusterPolicy("egress-allowlist", "Admin", 1, "namespaces: {}", """
            egress:
            - action: Accept
              to:
              - domainNames: [api.example.com]
              protocols:
              - tcp: {destinationPort: {number: 443}}
            - action: Deny
              to:
              - networks: [0.0.0.0/0]
            """)]);
        var evaluator = new ReferenceEvaluator(cluster);
        var from = cluster.EndpointNamed("prod/a");
        var to = cluster.EndpointNamed("8.8.8.8");

        // When / Then: 443 is denied statically, and recorded as depending on DNS; other ports are not
        Assert.False(evaluator.AllowedPorts(from, to).Contains(443, Protocol.TCP));
        Assert.Equal("443/TCP", evaluator.DependsOnDns(from, to).ToString());
    }

    [Fact]
    public void A_cluster_without_cluster_policies_has_no_DNS_dependent_ports()
    {
        var cluster = World.Load(Pods, []);

        Assert.True(new ReferenceEvaluator(cluster).DependsOnDns(cluster.EndpointNamed("prod/a"), cluster.EndpointNamed("8.8.8.8")).IsEmpty);
    }
}
