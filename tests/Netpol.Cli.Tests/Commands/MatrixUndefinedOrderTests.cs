using System.Text.Json;

namespace Netpol.Cli.Tests.Commands;

/// <summary>
/// matrix and graph say where their verdicts rest on an order the API leaves undefined (two cluster network policies of one tier and
/// priority that decide a connection differently), and adds nothing when there is no such pair.
/// </summary>
public sealed class MatrixUndefinedOrderTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: dev, labels: {app: a}}
        spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
        status: {podIP: 10.0.0.1}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b, namespace: prod, labels: {app: b}}
        spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 80}]}]}
        status: {podIP: 10.0.0.2}
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: allow-dev}
        spec:
          tier: Admin
          priority: 10
          subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: prod}}}
          ingress:
          - action: Accept
            from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: dev}}}]
        ---
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata: {name: deny-dev}
        spec:
          tier: Admin
          priority: PRIORITY
          subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: prod}}}
          ingress:
          - action: Deny
            from: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: dev}}}]
        """;

    [Fact]
    public void Json_lists_the_pair_whose_order_is_undefined()
    {
        var (exit, output, error) = CliRunner.RunWithInput(Manifests.Replace("PRIORITY", "10", StringComparison.Ordinal), "matrix", "-f", "-", "--port", "80", "-o", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var note = Assert.Single(json.RootElement.GetProperty("undefinedOrderNotes").EnumerateArray()).GetString();
        Assert.Contains("ClusterNetworkPolicy allow-dev and ClusterNetworkPolicy deny-dev are both in the Admin tier at priority 10 and decide ingress differently", note, StringComparison.Ordinal);

        // The cell applies netpol's tie-break: kind, then name, so allow-dev decides first.
        var cell = json.RootElement.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("from").GetString() == "dev/a" && c.GetProperty("to").GetString() == "prod/b");
        Assert.True(cell.GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public void The_table_adds_a_note()
    {
        var (_, output, _) = CliRunner.RunWithInput(Manifests.Replace("PRIORITY", "10", StringComparison.Ordinal), "matrix", "-f", "-", "--port", "80");

        Assert.Contains("note: undefined order: ClusterNetworkPolicy allow-dev and ClusterNetworkPolicy deny-dev", output, StringComparison.Ordinal);
        Assert.Contains("netpol check shows both outcomes", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Distinct_priorities_add_nothing()
    {
        var (_, output, _) = CliRunner.RunWithInput(Manifests.Replace("PRIORITY", "5", StringComparison.Ordinal), "matrix", "-f", "-", "--port", "80", "-o", "json");

        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.TryGetProperty("undefinedOrderNotes", out _));
        var cell = json.RootElement.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("from").GetString() == "dev/a" && c.GetProperty("to").GetString() == "prod/b");
        Assert.False(cell.GetProperty("allowed").GetBoolean());
    }

    [Theory]
    [InlineData("ascii", "note: undefined order: ClusterNetworkPolicy allow-dev and ClusterNetworkPolicy deny-dev")]
    [InlineData("dot", "// note: undefined order: ClusterNetworkPolicy allow-dev and ClusterNetworkPolicy deny-dev")]
    [InlineData("mermaid", "%% note: undefined order: ClusterNetworkPolicy allow-dev and ClusterNetworkPolicy deny-dev")]
    public void Graph_notes_it_in_every_format(string format, string expected)
    {
        var (exit, output, error) = CliRunner.RunWithInput(Manifests.Replace("PRIORITY", "10", StringComparison.Ordinal), "graph", "-f", "-", "-o", format);
        var (_, distinct, _) = CliRunner.RunWithInput(Manifests.Replace("PRIORITY", "5", StringComparison.Ordinal), "graph", "-f", "-", "-o", format);

        Assert.True(exit == 0, error);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("undefined order", distinct, StringComparison.Ordinal);
    }
}
