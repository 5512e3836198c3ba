namespace Netpol.Cli.Tests.Commands;

/// <summary><c>netpol graph</c>: what the picture contains, its fallbacks and its errors.</summary>
public sealed class GraphCommandTests
{
    public static TheoryData<string, string[], string> Contains() => new()
    {
        { "edge labels merge ports per protocol", ["-f", "example:ecommerce-microservices", "-o", "mermaid"], "n2 -->|\"8080/TCP\"| n0" },
        { "an ipBlock becomes an external node", ["-f", "example:ecommerce-microservices", "-o", "dot"], "\"internet 0.0.0.0/0 except private\"" },
        { "replicas that may talk to each other get a loop", ["-f", "example:ecommerce-microservices", "-o", "dot"], "\"ecommerce/sts/elasticsearch\" -> \"ecommerce/sts/elasticsearch\" [label=\"9300/TCP\"]" },
        { "a port filter keeps only that port", ["-f", "example:ecommerce-microservices", "--port", "5432", "-o", "mermaid"], "-->|\"5432/TCP\"|" },
        { "a narrow terminal gets the edge list", ["-f", "example:ecommerce-microservices", "--width", "40"], "ecommerce/deploy/web" },
        { "denied flows are dashed in DOT", ["-f", "example:three-tier-app", "--show-denied", "-o", "dot"], "\"webshop/deploy/frontend\" -> \"webshop/sts/database\" [label=\"denied 5432/TCP\", style=dashed" },
    };

    [Theory]
    [MemberData(nameof(Contains))]
    public void Graph_output_contains(string name, string[] args, string expected)
    {
        var (exit, output, error) = CliRunner.Run(["graph", .. args]);

        Assert.True(exit == 0, $"{name}: {error}");
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_port_filter_drops_other_ports()
    {
        var (_, output, _) = CliRunner.Run("graph", "-f", "example:ecommerce-microservices", "--port", "5432", "-o", "mermaid");

        Assert.DoesNotContain("8080/TCP", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_adds_an_assumed_DNS_node_when_the_manifests_have_no_DNS_pods()
    {
        const string manifests = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: web:1}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: dns-only, namespace: shop}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
                - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]
                  ports: [{protocol: UDP, port: 53}]
            """;

        var (exit, output, error) = CliRunner.RunWithInput(manifests, "graph", "-f", "-", "-o", "dot");

        Assert.True(exit == 0, error);
        Assert.Contains("\"kube-system/cluster-dns\" [label=\"cluster DNS (assumed)\"", output, StringComparison.Ordinal);
        Assert.Contains("\"shop/deploy/web\" -> \"kube-system/cluster-dns\" [label=\"53/UDP\"]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_draws_what_the_tiers_decide_not_only_what_network_policies_allow()
    {
        // Given no NetworkPolicy at all, an Admin Deny from dev to prod and a Baseline Deny of ingress from other
        // namespaces that lets monitoring through
        const string manifests = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: dev, labels: {env: dev}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: prod, labels: {env: prod}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: monitoring, labels: {purpose: monitoring}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: prod}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: web:1, ports: [{containerPort: 8080}]}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: tool, namespace: dev}
            spec:
              selector: {matchLabels: {app: tool}}
              template:
                metadata: {labels: {app: tool}}
                spec: {containers: [{name: tool, image: tool:1}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: prometheus, namespace: monitoring}
            spec:
              selector: {matchLabels: {app: prometheus}}
              template:
                metadata: {labels: {app: prometheus}}
                spec: {containers: [{name: prometheus, image: prom:1}]}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: deny-dev-to-prod}
            spec:
              tier: Admin
              priority: 10
              subject: {namespaces: {matchLabels: {env: prod}}}
              ingress:
              - {action: Deny, from: [{namespaces: {matchLabels: {env: dev}}}]}
            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata: {name: default}
            spec:
              tier: Baseline
              priority: 0
              subject: {namespaces: {matchLabels: {env: prod}}}
              ingress:
              - {action: Accept, from: [{namespaces: {matchLabels: {purpose: monitoring}}}], protocols: [{tcp: {destinationPort: {number: 8080}}}]}
              - {action: Deny, from: [{namespaces: {}}]}
            """;

        // When drawn as DOT
        var (exit, output, error) = CliRunner.RunWithInput(manifests, "graph", "-f", "-", "-o", "dot");

        // Then monitoring reaches prod's web on 8080 only, and dev does not reach it at all
        Assert.True(exit == 0, error);
        Assert.Contains("\"monitoring/deploy/prometheus\" -> \"prod/deploy/web\" [label=\"8080/TCP\"]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"dev/deploy/tool\" -> \"prod/deploy/web\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_of_an_unknown_namespace_is_bad_input()
    {
        var (exit, _, error) = CliRunner.Run("graph", "-f", "example:three-tier-app", "-n", "nope");

        Assert.Equal(2, exit);
        Assert.Contains("no namespace \"nope\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_ascii_fits_100_columns()
    {
        var (_, output, _) = CliRunner.Run("graph", "-f", "example:ecommerce-microservices");

        Assert.All(output.Split('\n').Where(l => !l.StartsWith("not drawn:", StringComparison.Ordinal) && !l.StartsWith("legend:", StringComparison.Ordinal)), line => Assert.True(line.Length <= 100, line));
    }
}
