namespace Netpol.Cli.Tests.Commands;

/// <summary>
/// Until the explanations walk the tiers (issue 8), check's verdict must still be the tier-aware one and say that
/// the tiers decided it. (compile enforces the tiers: see Netpol.Lab.Tests TierCompileTests.)
/// </summary>
public sealed class TierCheckTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: dev, labels: {env: dev}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: prod, labels: {env: prod}}
        ---
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
        metadata: {name: deny-dev-to-prod}
        spec:
          tier: Admin
          priority: 10
          subject:
            namespaces: {matchLabels: {env: prod}}
          ingress:
          - name: no-dev
            action: Deny
            from:
            - namespaces: {matchLabels: {env: dev}}
        """;

    [Fact]
    public void Check_gives_the_tier_verdict_and_says_the_tiers_decided()
    {
        var (exit, output, _) = CliRunner.RunWithInput(Manifests, "check", "-f", "-", "--from", "dev/a", "--to", "prod/b", "--port", "80");
        Assert.Equal(1, exit);
        Assert.StartsWith("DENIED: dev/a -> prod/b on 80/TCP", output, StringComparison.Ordinal);
        Assert.Contains("the tiers deny it", output, StringComparison.Ordinal);

        var reverse = CliRunner.RunWithInput(Manifests, "check", "-f", "-", "--from", "prod/b", "--to", "dev/a", "--port", "80");
        Assert.Equal(0, reverse.Exit);
        Assert.DoesNotContain("tiers", reverse.Out, StringComparison.Ordinal);
    }
}
