using Netpol.Analysis.Diff;
using Netpol.Core.Model;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Tests.Diff;

/// <summary><c>netpol diff --cni NAME</c>: connections compared between the two sides as the plugin enforces them.</summary>
public sealed class DiffCniTests
{
    private const string Pods = """
        apiVersion: v1
        kind: Pod
        metadata: {name: mme, namespace: core, labels: {app: mme}}
        spec: {containers: [{name: c, image: mme, ports: [{containerPort: 36412, protocol: SCTP}, {containerPort: 80}]}]}
        status: {podIP: 10.0.0.1}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: enb, namespace: core, labels: {app: enb}}
        spec: {containers: [{name: c, image: enb}]}
        status: {podIP: 10.0.0.2}
        ---
        """;

    private const string Open = Pods + "\n" + """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: mme-in, namespace: core}
        spec:
          podSelector: {matchLabels: {app: mme}}
          ingress:
          - from: [{podSelector: {matchLabels: {app: enb}}}]
            ports: [{port: 36412, protocol: SCTP}, {port: 80}]
        """;

    private const string Closed = Pods + "\n" + """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: mme-in, namespace: core}
        spec: {podSelector: {matchLabels: {app: mme}}, policyTypes: [Ingress]}
        """;

    [Fact]
    public void Upstream_loses_the_SCTP_and_TCP_ports()
    {
        var result = DiffAnalysis.Run(TestClusters.FromYaml(Open), TestClusters.FromYaml(Closed), new DiffOptions());

        var lost = Assert.Single(result.Lost);
        Assert.True(lost.Ports.Contains(36412, Protocol.SCTP));
        Assert.True(lost.Ports.Contains(80, Protocol.TCP));
        Assert.Null(result.Cni);
    }

    [Fact]
    public void A_plugin_without_SCTP_cannot_lose_an_SCTP_connection()
    {
        var result = DiffAnalysis.Run(TestClusters.FromYaml(Open), TestClusters.FromYaml(Closed), new DiffOptions { Cni = CniProfiles.Cilium });

        var lost = Assert.Single(result.Lost);
        Assert.False(lost.Ports.Contains(36412, Protocol.SCTP));
        Assert.True(lost.Ports.Contains(80, Protocol.TCP));
        Assert.Equal("cilium", result.Cni?.Name);

        // The policy change itself is reported as written, whatever the plugin.
        Assert.Equal(["core/mme-in"], result.Policies.Modified.Select(m => m.Name));
    }
}
