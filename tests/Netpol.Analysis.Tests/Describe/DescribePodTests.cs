using Netpol.Analysis.Describe;
using Netpol.Analysis.Matrix;
using Netpol.Core;
using Netpol.Core.Model;
using Netpol.Core.Reference;
using Netpol.Manifests.Loading;

namespace Netpol.Analysis.Tests.Describe;

public sealed class DescribePodTests
{
    private const string Shop = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec: {containers: [{name: c, image: i, ports: [{name: http, containerPort: 8080}]}]}
        status: {podIP: 10.0.0.1}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: client, namespace: shop, labels: {app: client}}
        status: {podIP: 10.0.0.2}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: other, namespace: shop, labels: {app: other}}
        status: {podIP: 10.0.0.3}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: agent, namespace: shop, labels: {app: client}}
        spec: {hostNetwork: true}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-in, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
          - from: [{podSelector: {matchLabels: {app: client}}}]
            ports: [{port: http}]
          - from: [{ipBlock: {cidr: 192.0.2.0/24, except: [192.0.2.128/25]}}]
            ports: [{port: 443}]
          - ports: [{port: 9090}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-out, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress:
          - to: [{podSelector: {matchLabels: {app: other}}}]
            ports: [{port: 5432}]
          - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
            ports: [{port: http}, {port: 443}]
        """;

    [Fact]
    public void A_pod_lists_the_policies_selecting_it_per_direction()
    {
        // Given
        var cluster = TestClusters.FromYaml(Shop);

        // When
        var web = DescribeAnalysis.Pod(cluster, "shop/web");
        var client = DescribeAnalysis.Pod(cluster, "shop/client");

        // Then
        Assert.Equal("shop/web", web.Name);
        Assert.Equal([new KeyValuePair<string, string>("app", "web")], web.Labels);
        Assert.Equal(["10.0.0.1"], web.IPs);
        Assert.True(web.Ingress.Isolated);
        Assert.Equal(["web-in"], web.Ingress.Policies);
        Assert.True(web.Egress.Isolated);
        Assert.Equal(["web-out"], web.Egress.Policies);
        Assert.False(web.Ingress.AnyAddress);
        Assert.False(client.Ingress.Isolated);
        Assert.Empty(client.Ingress.Policies);
        Assert.True(client.Ingress.AnyAddress);
        Assert.True(client.Egress.AnyAddress);
    }

    [Fact]
    public void Peers_are_grouped_by_the_ports_both_sides_allow_and_leave_the_pod_itself_out()
    {
        // Given
        var cluster = TestClusters.FromYaml(Shop);

        // When
        var web = DescribeAnalysis.Pod(cluster, "shop/web");

        // Then: the client on the named port http (8080) and on 9090 (the rule without from); the other pod on 9090 only;
        // the hostNetwork agent on 9090 only (selectors do not match it, the rule without from does)
        var ingress = web.Ingress.Peers.ToDictionary(g => g.Ports.ToString(), g => g.Pods);
        Assert.Equal(2, ingress.Count);
        Assert.Equal(["shop/client"], ingress["8080/TCP, 9090/TCP"]);
        Assert.Equal(["shop/agent", "shop/other"], ingress["9090/TCP"]);
        Assert.DoesNotContain(web.Ingress.Peers, g => g.Pods.Contains("shop/web"));

        // egress: 5432 to other; the ipBlock 0.0.0.0/0 admits every pod IP on 443 and on http where the peer names it
        var egress = web.Egress.Peers.ToDictionary(g => g.Ports.ToString(), g => g.Pods);
        Assert.Equal(["shop/other"], egress["443/TCP, 5432/TCP"]);
        Assert.Equal(["shop/client"], egress["443/TCP"]);
        Assert.DoesNotContain(web.Egress.Peers, g => g.Pods.Contains("shop/agent"));
    }

    [Fact]
    public void Address_rules_list_ipBlocks_with_except_and_rules_without_peers()
    {
        // Given
        var cluster = TestClusters.FromYaml(Shop);

        // When
        var web = DescribeAnalysis.Pod(cluster, "shop/web");

        // Then
        Assert.Collection(
            web.Ingress.AddressRules,
            a =>
            {
                Assert.Equal(("web-in", "spec.ingress[1].from[0]"), (a.Policy, a.Path));
                Assert.Equal("192.0.2.0/24 except 192.0.2.128/25", a.Block!.ToString());
                Assert.Equal("443/TCP", a.Ports.ToString());
            },
            a =>
            {
                Assert.Equal(("web-in", "spec.ingress[2]"), (a.Policy, a.Path));
                Assert.Null(a.Block);
                Assert.Equal("9090/TCP", a.Ports.ToString());
            });

        // An address outside the cluster never matches a named port: only 443 remains.
        var egress = Assert.Single(web.Egress.AddressRules);
        Assert.Equal("spec.egress[1].to[0]", egress.Path);
        Assert.Equal("443/TCP", egress.Ports.ToString());
    }

    [Fact]
    public void A_hostNetwork_pod_is_open_both_ways()
    {
        // Given
        var cluster = TestClusters.FromYaml(Shop + "\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: all, namespace: shop}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n");

        // When
        var agent = DescribeAnalysis.Pod(cluster, "shop/agent");

        // Then
        Assert.True(agent.HostNetwork);
        Assert.False(agent.Ingress.Isolated);
        Assert.False(agent.Egress.Isolated);
        Assert.True(agent.Ingress.AnyAddress);
    }

    public static TheoryData<string> Examples() => new(ExampleCatalog.Names);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Peers_and_their_ports_agree_with_the_reference_evaluator(string example)
    {
        // Given
        var cluster = ManifestLoader.Load([$"example:{example}"], new LoadOptions()).Cluster;
        var reference = new ReferenceEvaluator(cluster);

        foreach (var pod in cluster.Pods)
        {
            // When
            var fast = DescribeAnalysis.Pod(cluster, pod.FullName);
            var slow = DescribeAnalysis.Pod(cluster, pod.FullName, EngineKind.Reference);

            // Then
            Assert.Equal(Flatten(slow.Ingress), Flatten(fast.Ingress));
            Assert.Equal(Flatten(slow.Egress), Flatten(fast.Egress));
            foreach (var other in cluster.Pods.Where(o => !ReferenceEquals(o, pod)))
            {
                var inbound = reference.AllowedPorts(Endpoint.ForPod(other), Endpoint.ForPod(pod));
                var listed = fast.Ingress.Peers.SingleOrDefault(g => g.Pods.Contains(other.FullName))?.Ports ?? PortSet.Empty;
                Assert.Equal(inbound, listed);
            }
        }
    }

    private static List<string> Flatten(PodDirection d) => d.Peers.SelectMany(g => g.Pods.Select(p => $"{p} {g.Ports}")).ToList();

    [Theory]
    [InlineData("web", "default/web")]
    [InlineData("default/web", "default/web")]
    [InlineData("shop/deploy/api", "shop/deploy/api")]
    [InlineData("shop/deployment/api", "shop/deploy/api")]
    [InlineData("shop/pod/db-0", "shop/db-0")]
    [InlineData("shop/sts/db", "shop/db-0")]
    public void Pod_names_are_read_like_kubectl_and_netpol_endpoints(string text, string expected)
    {
        // Given
        var cluster = TestClusters.FromYaml("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: default}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db-0, namespace: shop, ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: db, uid: u}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec: {selector: {matchLabels: {app: api}}, template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, image: i}]}}}
            """);

        // When
        var pod = DescribeAnalysis.Pod(cluster, text);

        // Then
        Assert.Equal(expected, pod.Name);
    }

    [Fact]
    public void A_workload_of_several_pods_asks_for_one_of_them()
    {
        var cluster = TestClusters.FromYaml("""
            apiVersion: v1
            kind: Pod
            metadata: {name: db-0, namespace: shop, ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: db, uid: u}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: db-1, namespace: shop, ownerReferences: [{apiVersion: apps/v1, kind: StatefulSet, name: db, uid: u}]}
            """);

        var ex = Assert.Throws<NetpolException>(() => DescribeAnalysis.Pod(cluster, "shop/sts/db"));

        Assert.Contains("has 2 pods; describe one of them: shop/db-0, shop/db-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_pod_lists_close_candidates()
    {
        var cluster = TestClusters.FromYaml(Shop);

        var typo = Assert.Throws<NetpolException>(() => DescribeAnalysis.Pod(cluster, "shop/clinet"));
        var bare = Assert.Throws<NetpolException>(() => DescribeAnalysis.Pod(cluster, "web"));

        Assert.Equal("no pod or workload \"shop/clinet\" in the input; did you mean shop/client?", typo.Message);
        Assert.Contains("did you mean shop/web?", bare.Message, StringComparison.Ordinal);
    }
}
