using Netpol.Analysis.Audit;
using Netpol.Core.Profiles;
using Netpol.Manifests.Flows;

namespace Netpol.Analysis.Tests.Audit;

/// <summary>
/// <c>netpol audit --cni NAME</c>: the flows replayed as a network plugin enforces the policies, pair by pair where
/// the plugin tells apart pods that policies treat alike.
/// </summary>
public sealed class AuditCniTests
{
    // Two replicas of web on two nodes, a deny-all ingress in prod, and a hostNetwork agent on the first node.
    private const string World = """
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        status: {addresses: [{type: InternalIP, address: 10.0.9.1}]}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: n2}
        status: {addresses: [{type: InternalIP, address: 10.0.9.2}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web-1, namespace: prod, labels: {app: web}}
        spec: {nodeName: n1, containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
        status: {podIP: 10.0.0.1}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web-2, namespace: prod, labels: {app: web}}
        spec: {nodeName: n2, containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
        status: {podIP: 10.0.0.2}
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

    private const string Flows = """
        kube-system/agent,prod/web-1,80,TCP,3
        kube-system/agent,prod/web-2,80,TCP,5
        """;

    [Fact]
    public void Upstream_denies_the_agent_on_both_nodes()
    {
        var result = Audit(CniProfiles.Portable);

        Assert.Null(result.Cni);
        Assert.Equal(8, result.Summary.Denied);
    }

    [Fact]
    public void Calico_lets_the_agent_reach_the_replica_on_its_own_node_only()
    {
        var result = Audit(CniProfiles.Calico);

        // The replicas are alike to every policy, so they must not be folded into one class under a profile.
        Assert.Equal("calico", result.Cni?.Name);
        Assert.Equal(5, result.Summary.Denied);
        Assert.Equal(3, result.Summary.Allowed);
        Assert.Empty(result.IgnoredClusterPolicies);
    }

    private static AuditResult Audit(CniProfile profile)
    {
        var reader = new FlowReader();
        var observed = ObservedFlows.Collect(reader.ReadText(Flows, "f.csv"));
        Assert.False(reader.HasErrors, string.Join("\n", reader.Diagnostics));
        return AuditAnalysis.Run(TestClusters.FromYaml(World), observed, profile, reader.Skipped);
    }
}
