using Netpol.Manifests.Loading;

namespace Netpol.Cli.Tests.Scenarios;

/// <summary>
/// <c>netpol graph</c> on every bundled example in every format, pinned byte for byte at
/// tests/Scenarios/examples/NAME/expected/graph.{txt,mmd,dot,svg}.
/// </summary>
public sealed class GraphGoldenTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var name in ExampleCatalog.Names)
        {
            data.Add(name, "ascii", "txt");
            data.Add(name, "mermaid", "mmd");
            data.Add(name, "dot", "dot");
            data.Add(name, "svg", "svg");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Graph_matches_the_golden_file(string example, string format, string extension)
    {
        var (exit, output, error) = CliRunner.Run("graph", "-f", $"example:{example}", "-o", format);

        Assert.True(exit == 0, error);
        Golden.Assert($"examples/{example}/expected/graph.{extension}", output);
    }

    [Theory]
    [InlineData("ecommerce-microservices")]
    [InlineData("three-tier-app")]
    public void Graph_with_denied_flows_matches_the_golden_file(string example)
    {
        var (exit, output, error) = CliRunner.Run("graph", "-f", $"example:{example}", "--show-denied");

        Assert.True(exit == 0, error);
        Golden.Assert($"examples/{example}/expected/graph-denied.txt", output);
    }

    [Fact]
    public void Graph_by_namespace_matches_the_golden_file()
    {
        var (exit, output, error) = CliRunner.Run("graph", "-f", "example:ecommerce-microservices", "--by", "namespace");

        Assert.True(exit == 0, error);
        Golden.Assert("examples/ecommerce-microservices/expected/graph-namespaces.txt", output);
    }
}
