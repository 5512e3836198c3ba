using System.Net;
using Netpol.Analysis.Audit;
using Netpol.Manifests.Flows;

namespace Netpol.Analysis.Tests.Audit;

/// <summary>Which pod of the manifests an observed flow's endpoint stands for. Rows in <c>FlowEndpointMatcherTests.Cases.cs</c>.</summary>
public partial class FlowEndpointMatcherTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void An_endpoint_matches_a_pod_an_address_or_nothing(MatchCase row)
    {
        // Given
        var matcher = new FlowEndpointMatcher(TestClusters.FromYaml(AuditWorld.Workloads));

        // When
        var match = matcher.Match(row.Endpoint);

        // Then
        Assert.Equal(row.Method, match.Method);
        if (row.Method == MatchMethod.Unknown)
        {
            Assert.Null(match.Endpoint);
            Assert.StartsWith(row.Expected, match.Reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(row.Expected, match.Endpoint!.Name);
        }
    }

    [Theory]
    [MemberData(nameof(OwnerNames))]
    public void A_pod_name_suggests_the_workloads_that_could_own_it(string podName, string[] owners)
    {
        Assert.Equal(owners, FlowEndpointMatcher.OwnerCandidates(podName));
    }

    [Fact]
    public void A_pod_that_stands_for_another_takes_the_flows_address()
    {
        // Given: a workload's synthetic pod has no IP; the real pod behind the flow had one
        var matcher = new FlowEndpointMatcher(TestClusters.FromYaml(AuditWorld.Workloads));
        var address = IPAddress.Parse("10.244.1.7");

        // When
        var byOwner = matcher.Match(new FlowEndpoint { Namespace = "shop", PodName = "web-5d8f7c9b4-x2x9z", IP = address });
        var byName = matcher.Match(new FlowEndpoint { Namespace = "shop", PodName = "tool", IP = address });

        // Then: the stand-in carries the flow's address; a pod matched by its own name keeps its own
        Assert.Equal([address], byOwner.Endpoint!.Pod!.IPs);
        Assert.Equal("shop/deploy/web", byOwner.Endpoint.Name);
        Assert.Equal([IPAddress.Parse("10.1.0.5")], byName.Endpoint!.Pod!.IPs);
    }

    [Fact]
    public void Endpoints_that_match_the_same_pod_share_one_endpoint()
    {
        var matcher = new FlowEndpointMatcher(TestClusters.FromYaml(AuditWorld.Workloads));

        var a = matcher.Match(new FlowEndpoint { Namespace = "shop", PodName = "db-0" });
        var b = matcher.Match(new FlowEndpoint { Namespace = "shop", Workload = "sts/db" });

        Assert.Same(a.Endpoint, b.Endpoint);
    }
}
