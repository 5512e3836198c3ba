namespace Netpol.Cli.Tests.Commands;

/// <summary>
/// check's verdict is the tier-aware one and its explanation walks the tiers. (compile enforces the tiers: see
/// Netpol.Lab.Tests TierCompileTests.)
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
    public void Check_gives_the_tier_verdict_and_walks_the_tiers()
    {
        var (exit, output, _) = CliRunner.RunWithInput(Manifests, "check", "-f", "-", "--from", "dev/a", "--to", "prod/b", "--port", "80");
        Assert.Equal(1, exit);
        Assert.StartsWith("DENIED: dev/a -> prod/b on 80/TCP", output, StringComparison.Ordinal);
        Assert.Contains("  ingress of prod/b: denies (decided by the Admin tier)\n    [Admin] cnp/deny-dev-to-prod ingress[0] Deny 80/TCP (rule \"no-dev\"): from[0] namespaces env=dev\n", output, StringComparison.Ordinal);

        var reverse = CliRunner.RunWithInput(Manifests, "check", "-f", "-", "--from", "prod/b", "--to", "dev/a", "--port", "80");
        Assert.Equal(0, reverse.Exit);
        Assert.Contains("[Admin] no Admin policy with egress rules selects prod/b", reverse.Out, StringComparison.Ordinal);
    }
}
