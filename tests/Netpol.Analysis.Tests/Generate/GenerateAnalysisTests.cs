using System.Net;
using Netpol.Analysis.Generate;
using Netpol.Core.Model;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Tests.Generate;

public sealed class GenerateAnalysisTests
{
    private const string Shop = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: monitoring}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web, pod-template-hash: abc12, version: v2}}
            spec:
              containers: [{name: c, image: web:2, ports: [{name: http, containerPort: 8080}]}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers: [{name: c, image: api:1, ports: [{containerPort: 9000}]}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api-canary, namespace: shop}
        spec:
          selector: {matchLabels: {app: api, track: canary}}
          template:
            metadata: {labels: {app: api, track: canary}}
            spec:
              containers: [{name: c, image: api:2, ports: [{containerPort: 9000}]}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: prometheus, namespace: monitoring}
        spec:
          selector: {matchLabels: {app.kubernetes.io/name: prometheus}}
          template:
            metadata: {labels: {app.kubernetes.io/name: prometheus}}
            spec:
              containers: [{name: c, image: prom:1}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: coredns, namespace: kube-system}
        spec:
          selector: {matchLabels: {k8s-app: kube-dns}}
          template:
            metadata: {labels: {k8s-app: kube-dns}}
            spec:
              containers: [{name: c, image: coredns:1, ports: [{name: dns, containerPort: 53, protocol: UDP}]}]
        """;

    private static readonly Cluster Cluster = TestClusters.FromYaml(Shop);

    private static Endpoint Pod(string name) => Endpoint.ForPod(Cluster.FindPod(name)!);

    private static GenerateResult Run(GenerateOptions? options, params ObservedConnection[] connections) =>
        GenerateAnalysis.Run(Cluster, connections, options);

    [Fact]
    public void Every_application_namespace_gets_a_default_deny_and_dns_but_system_namespaces_do_not()
    {
        var result = Run(null);

        Assert.Equal(
            ["monitoring/default-deny", "monitoring/allow-dns", "shop/default-deny", "shop/allow-dns"],
            result.Policies.Select(p => $"{p.Namespace}/{p.Name}"));
        var dns = result.Policies.Single(p => p.Namespace == "shop" && p.Name == "allow-dns");
        Assert.Equal(["53/UDP", "53/TCP"], dns.Egress.Single().Ports.Select(p => p.ToString()));
    }

    [Fact]
    public void A_workload_is_selected_by_stable_labels_that_single_it_out()
    {
        var result = Run(
            null,
            new ObservedConnection(Pod("shop/deploy/web"), Pod("shop/deploy/api"), 9000, Protocol.TCP),
            new ObservedConnection(Pod("shop/deploy/web"), Pod("shop/deploy/api-canary"), 9000, Protocol.TCP));

        var web = result.Policies.Single(p => p.Name == "web-egress");
        Assert.Equal("app=web", web.PodSelector.ToString());
        var canary = result.Policies.Single(p => p.Name == "api-canary-ingress");
        Assert.Equal("app=api,track=canary", canary.PodSelector.ToString());

        // app=api alone also matches the canary: the note says so, and the policy still names it.
        var api = result.Policies.Single(p => p.Name == "api-ingress");
        Assert.Equal("app=api", api.PodSelector.ToString());
        Assert.Contains(result.Notes, n => n.Contains("shop/deploy/api: its labels app=api also match other pods", StringComparison.Ordinal));
    }

    [Fact]
    public void Peers_in_other_namespaces_carry_their_namespace_and_ports_use_declared_names()
    {
        var result = Run(null, new ObservedConnection(Pod("monitoring/deploy/prometheus"), Pod("shop/deploy/web"), 8080, Protocol.TCP) { Count = 7 });

        var ingress = result.Policies.Single(p => p.Name == "web-ingress");
        var rule = Assert.Single(ingress.Ingress);
        var peer = Assert.Single(rule.Peers);
        Assert.Equal("monitoring", peer.Namespace);
        Assert.Equal("app.kubernetes.io/name=prometheus", peer.PodSelector!.ToString());
        Assert.Equal("http/TCP", Assert.Single(rule.Ports).ToString());
        Assert.Contains("from 7 observed flows", ingress.Description, StringComparison.Ordinal);
        var egress = result.Policies.Single(p => p.Namespace == "monitoring" && p.Name == "prometheus-egress");
        Assert.Equal("shop", Assert.Single(Assert.Single(egress.Egress).Peers).Namespace);
    }

    [Fact]
    public void External_addresses_are_aggregated_to_the_prefix_and_dns_flows_are_left_to_allow_dns()
    {
        var result = Run(
            new GenerateOptions { CidrPrefix = 24 },
            new ObservedConnection(Pod("shop/deploy/api"), Endpoint.ForAddress(IPAddress.Parse("203.0.113.7")), 443, Protocol.TCP),
            new ObservedConnection(Pod("shop/deploy/api"), Endpoint.ForAddress(IPAddress.Parse("203.0.113.200")), 443, Protocol.TCP),
            new ObservedConnection(Pod("shop/deploy/api"), Pod("kube-system/deploy/coredns"), 53, Protocol.UDP));

        var egress = result.Policies.Single(p => p.Name == "api-egress");
        var rule = Assert.Single(egress.Egress);
        Assert.Equal("203.0.113.0/24", Assert.Single(rule.Peers).Cidr!.ToString());
        Assert.Equal("443/TCP", Assert.Single(rule.Ports).ToString());
    }

    [Fact]
    public void Peers_seen_on_the_same_ports_share_a_rule()
    {
        var result = Run(
            null,
            new ObservedConnection(Pod("shop/deploy/web"), Pod("shop/deploy/api"), 9000, Protocol.TCP),
            new ObservedConnection(Pod("monitoring/deploy/prometheus"), Pod("shop/deploy/api"), 9000, Protocol.TCP),
            new ObservedConnection(Pod("monitoring/deploy/prometheus"), Pod("shop/deploy/api"), 9100, Protocol.TCP));

        var ingress = result.Policies.Single(p => p.Name == "api-ingress").Ingress;
        Assert.Equal(2, ingress.Count);
        Assert.Equal(["9000/TCP"], ingress.Single(r => r.Peers.Count == 1 && r.Peers[0].Namespace is null).Ports.Select(p => p.ToString()));
        Assert.Equal(["9000/TCP", "9100/TCP"], ingress.Single(r => r.Peers[0].Namespace == "monitoring").Ports.Select(p => p.ToString()));
    }

    [Fact]
    public void Tests_name_workloads_as_check_does_and_are_sorted()
    {
        var result = Run(
            null,
            new ObservedConnection(Pod("shop/deploy/web"), Pod("shop/deploy/api"), 9000, Protocol.TCP),
            new ObservedConnection(Endpoint.ForAddress(IPAddress.Parse("198.51.100.4")), Pod("shop/deploy/web"), 8080, Protocol.TCP));

        Assert.Equal(
            ["198.51.100.4 reaches shop/deploy/web on 8080/TCP", "shop/deploy/web reaches shop/deploy/api on 9000/TCP"],
            result.Tests.Select(t => t.Name));
    }

    [Fact]
    public void Hostnetwork_peers_are_skipped_with_a_note_and_pods_without_stable_labels_get_only_the_default_deny()
    {
        var cluster = TestClusters.FromYaml(Shop + """

            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: node-agent, namespace: shop, labels: {app: agent}}
            spec: {hostNetwork: true, containers: [{name: c, image: agent:1}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: batch, namespace: shop}
            spec:
              selector: {matchLabels: {pod-template-hash: x1}}
              template:
                metadata: {labels: {pod-template-hash: x1}}
                spec:
                  containers: [{name: c, image: batch:1}]
            """);
        Endpoint P(string name) => Endpoint.ForPod(cluster.FindPod(name)!);

        var result = GenerateAnalysis.Run(
            cluster,
            [
                new ObservedConnection(P("shop/node-agent"), P("shop/deploy/web"), 8080, Protocol.TCP) { Count = 3 },
                new ObservedConnection(P("shop/deploy/batch"), P("shop/deploy/api"), 9000, Protocol.TCP),
            ]);

        Assert.Contains(result.Notes, n => n.StartsWith("3 flow(s) from or to hostNetwork pods were skipped", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Policies, p => p.Name == "web-ingress");
        Assert.Contains(result.Notes, n => n.Contains("shop/deploy/batch has no stable labels", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Policies, p => p.Name.StartsWith("batch-", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("shop/deploy/api: 1 source(s) could not be named by stable labels", StringComparison.Ordinal));
    }

    [Fact]
    public void Observed_connections_the_admin_tier_denies_get_a_note_because_network_policies_cannot_allow_them()
    {
        // Given an Admin Deny of ingress to shop from monitoring
        var cluster = TestClusters.FromYaml(Shop + """

            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: no-scraping}
            spec:
              tier: Admin
              priority: 5
              subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}
              ingress:
              - action: Deny
                from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]
            """);
        Endpoint P(string name) => Endpoint.ForPod(cluster.FindPod(name)!);

        // When policies are generated for a denied and an undecided connection
        var result = GenerateAnalysis.Run(
            cluster,
            [
                new ObservedConnection(P("monitoring/deploy/prometheus"), P("shop/deploy/web"), 8080, Protocol.TCP),
                new ObservedConnection(P("shop/deploy/web"), P("shop/deploy/api"), 9000, Protocol.TCP),
            ]);

        // Then only the denied one is named in the note
        var note = Assert.Single(result.Notes, n => n.Contains("denied by the Admin tier", StringComparison.Ordinal));
        Assert.StartsWith("1 observed connection(s)", note, StringComparison.Ordinal);
        Assert.Contains("monitoring/deploy/prometheus", note, StringComparison.Ordinal);
        Assert.DoesNotContain("shop/deploy/api", note, StringComparison.Ordinal);

        // And without the cluster policy there is no such note
        Assert.DoesNotContain(Run(null, new ObservedConnection(Pod("monitoring/deploy/prometheus"), Pod("shop/deploy/web"), 8080, Protocol.TCP)).Notes, n => n.Contains("Admin tier", StringComparison.Ordinal));
    }

    [Fact]
    public void For_aws_vpc_rules_with_address_peers_use_port_numbers()
    {
        // Given an outside client and prometheus on web's named port (8080 is "http")
        ObservedConnection[] flows =
        [
            new(Endpoint.ForAddress(IPAddress.Parse("198.51.100.4")), Pod("shop/deploy/web"), 8080, Protocol.TCP),
            new(Pod("monitoring/deploy/prometheus"), Pod("shop/deploy/web"), 8080, Protocol.TCP),
        ];

        var portable = Run(null, flows).Policies.Single(p => p.Name == "web-ingress");
        var aws = Run(new GenerateOptions { Cni = CniProfiles.AwsVpc }, flows).Policies.Single(p => p.Name == "web-ingress");

        // Then both peers share one rule; upstream keeps the declared name, while aws-vpc (which skips ipBlock peers
        // beside named ports) gets the number
        Assert.Equal("http/TCP", Assert.Single(Assert.Single(portable.Ingress).Ports).ToString());
        var rule = Assert.Single(aws.Ingress);
        Assert.Equal(2, rule.Peers.Count);
        Assert.Equal("8080/TCP", Assert.Single(rule.Ports).ToString());

        // And without an address peer the name stays, on aws-vpc too
        var podsOnly = Run(new GenerateOptions { Cni = CniProfiles.AwsVpc }, flows[1]).Policies.Single(p => p.Name == "web-ingress");
        Assert.Equal("http/TCP", Assert.Single(Assert.Single(podsOnly.Ingress).Ports).ToString());
    }

    [Fact]
    public void For_a_plugin_that_enforces_nothing_a_note_says_so()
    {
        var flow = new ObservedConnection(Pod("monitoring/deploy/prometheus"), Pod("shop/deploy/web"), 8080, Protocol.TCP);

        Assert.Contains(Run(new GenerateOptions { Cni = CniProfiles.Flannel }, flow).Notes, n => n.Contains("enforces no NetworkPolicy", StringComparison.Ordinal));
        Assert.DoesNotContain(Run(null, flow).Notes, n => n.Contains("enforces no NetworkPolicy", StringComparison.Ordinal));
    }
}
