using Netpol.Analysis.Diff;
using Netpol.Analysis.Matrix;
using Netpol.Core.Model;
using Netpol.Rendering.Markdown;

namespace Netpol.Cli.Tests.Rendering;

/// <summary>The pull-request comment stays readable and postable however large the change.</summary>
public sealed class DiffMarkdownRendererTests
{
    [Theory]
    [InlineData(10, false, false)]
    [InlineData(11, true, false)]
    [InlineData(200, true, false)]
    [InlineData(201, true, true)]
    public void Long_tables_are_collapsed_and_very_long_ones_cut(int lost, bool collapsed, bool cut)
    {
        // Given
        var changes = Enumerable.Range(0, lost).Select(i => new ConnectionChange($"a/w{i:D3}", "b/db", PortSet.Of(Protocol.TCP, 5432, 5432))).ToList();
        var result = new DiffResult(Grouping.Workload, [], changes, new PolicyChanges([], [], []), new EndpointChanges([], []));
        var w = new StringWriter { NewLine = "\n" };

        // When
        DiffMarkdownRenderer.Write(result, w);

        // Then
        var text = w.ToString();
        Assert.StartsWith($"### NetworkPolicy diff\n\n❌ **{lost} connections lost**, 0 gained; 0 policies changed.\n", text, StringComparison.Ordinal);
        Assert.Equal(collapsed, text.Contains($"<details><summary>{lost} lost connections</summary>\n\n| from | to | ports |\n", StringComparison.Ordinal));
        Assert.Equal(Math.Min(lost, DiffMarkdownRenderer.MaxRows), text.Split('\n').Count(l => l.EndsWith("| `b/db` | 5432/TCP |", StringComparison.Ordinal)));
        Assert.Equal(cut, text.Contains($"… and {lost - DiffMarkdownRenderer.MaxRows} more", StringComparison.Ordinal));
    }
}
