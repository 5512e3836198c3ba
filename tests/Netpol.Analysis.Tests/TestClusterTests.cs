namespace Netpol.Analysis.Tests;

public class TestClusterTests
{
    [Fact]
    public void Yaml_text_loads_into_a_cluster()
    {
        var cluster = TestClusters.FromYaml("""
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            """);
        Assert.Equal("shop/web", Assert.Single(cluster.Pods).FullName);
    }
}
