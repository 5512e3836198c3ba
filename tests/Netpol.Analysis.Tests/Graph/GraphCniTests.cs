using Netpol.Analysis.Graph;
using Netpol.Core.Model;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Tests.Graph;

/// <summary><c>netpol graph --cni NAME</c>: the flows as the plugin enforces them, and what differs from portable.</summary>
public sealed class GraphCniTests
{
    // prod/web isolates ingress (no rule) and serves 80/TCP and 3868/SCTP on node n1; a hostNetwork agent runs on n1;
    // an Admin ClusterNetworkPolicy accepts everything from monitoring into prod.
    private const string Yaml = """
        apiVersion: v1
        kind: Node
        metadata: {name: n1}
        status: {addresses: [{type: InternalIP, address: 10.0.9.1}]}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: prod, labels: {env: prod}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: monitoring, labels: {team: monitoring}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: kube-system}
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
        apiVersion: v1
        kind: Pod
        metadata: {name: prom, namespace: monitoring, labels: {app: prom}}
        spec: {containers: [{name: c, image: prometheus}]}
        status: {podIP: 10.0.1.1}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-all, namespace: prod}
        spec: {podSelector: {}, policyTypes: [Ingress]}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: allow-monitoring}
        spec:
          tier: Admin
          priority: 10
          subject: {namespaces: {matchLabels: {env: prod}}}
          ingress:
          - action: Accept
            from: [{namespaces: {matchLabels: {team: monitoring}}}]
        """;

    private static GraphResult Draw(string? cni) =>
        GraphAnalysis.Run(TestClusters.FromYaml(Yaml), new GraphOptions { By = GraphGrouping.Pod, Cni = cni is null ? CniProfiles.Portable : CniProfiles.Find(cni)! });

    private static GraphEdge? Edge(GraphResult graph, string from, string to) => graph.Edges.SingleOrDefault(e => e.From == from && e.To == to);

    [Fact]
    public void Without_a_plugin_nothing_is_marked()
    {
        var graph = Draw(null);

        Assert.Null(graph.Cni);
        Assert.Null(Edge(graph, "kube-system/agent", "prod/web"));
        Assert.True(Edge(graph, "monitoring/prom", "prod/web")!.Ports.IsAll);
        Assert.DoesNotContain(graph.Edges, e => e.CniDiffers);
        Assert.Empty(graph.PortableOnlyEdges);
    }

    [Fact]
    public void A_plugin_that_lets_the_local_node_in_draws_and_marks_that_edge()
    {
        // When drawn for Calico, which lets traffic from a pod's own node through
        var graph = Draw("calico");

        // Then the agent on web's node reaches it on every port, which portable denies; the Accept is unchanged
        Assert.Equal("calico", graph.Cni);
        var local = Edge(graph, "kube-system/agent", "prod/web")!;
        Assert.True(local.CniDiffers);
        Assert.True(local.Ports.IsAll);
        Assert.True(local.PortablePorts!.IsEmpty);
        Assert.False(Edge(graph, "monitoring/prom", "prod/web")!.CniDiffers);
        Assert.Empty(graph.PortableOnlyEdges);
        Assert.Empty(graph.IgnoredClusterPolicies);
    }

    [Fact]
    public void A_plugin_that_ignores_cluster_policies_lists_the_edges_only_portable_has()
    {
        // When drawn for Cilium: no cluster network policies, the local node allowed, no SCTP
        var graph = Draw("cilium");

        // Then the Admin Accept is gone (portable only), and the local edge carries everything but SCTP
        Assert.Equal(["cnp/allow-monitoring"], graph.IgnoredClusterPolicies);
        Assert.Null(Edge(graph, "monitoring/prom", "prod/web"));
        var lost = Assert.Single(graph.PortableOnlyEdges);
        Assert.Equal(("monitoring/prom", "prod/web"), (lost.From, lost.To));
        Assert.True(lost.Ports.IsAll);
        Assert.True(graph.CniWithoutSctp);
        var local = Edge(graph, "kube-system/agent", "prod/web")!;
        Assert.True(local.CniDiffers);
        Assert.False(local.Ports.Contains(3868, Protocol.SCTP));
        Assert.True(local.Ports.Contains(80, Protocol.TCP));
    }
}
