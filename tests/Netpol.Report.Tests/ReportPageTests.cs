using Microsoft.Playwright;
using Netpol.Analysis.Graph;
using Netpol.Manifests.Loading;

namespace Netpol.Report.Tests;

/// <summary>The HTML report of the bundled e-commerce example, driven in a real (headless) browser.</summary>
[Trait("Category", "Browser")]
public sealed class ReportPageTests(ReportBrowser browser) : IClassFixture<ReportBrowser>
{
    private const string Example = "example:ecommerce-microservices";

    [SkippableFact]
    public async Task Report_loads_without_console_errors()
    {
        ReportBrowser.RequireBrowser();
        var (page, errors) = await browser.OpenAsync(ReportBrowser.WriteReport(Example));

        Assert.Empty(errors);
        Assert.Equal("netpol report", await page.TitleAsync());
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Node_count_matches_the_workload_count()
    {
        ReportBrowser.RequireBrowser();
        var graph = GraphAnalysis.Run(ManifestLoader.Load([Example]).Cluster, new GraphOptions());
        var (page, _) = await browser.OpenAsync(ReportBrowser.WriteReport(Example));

        var drawn = await page.EvaluateAsync<int>("() => netpol.cy.nodes().filter(n => n.data('idx') !== undefined && netpol.data.nodes[n.data('idx')].ns).length");

        Assert.Equal(graph.Nodes.Count(n => n.Namespace is not null), drawn);
        Assert.Equal(8, drawn);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Clicking_a_node_shows_the_policies_selecting_it()
    {
        ReportBrowser.RequireBrowser();
        var (page, _) = await browser.OpenAsync(ReportBrowser.WriteReport(Example));

        await ClickNodeAsync(page, "ecommerce/deploy/api");

        var policies = await page.TextContentAsync("#details-policies");
        Assert.Contains("ecommerce/api-rules (ingress)", policies, StringComparison.Ordinal);
        Assert.Contains("ecommerce/baseline-deny (egress)", policies, StringComparison.Ordinal);
        Assert.Equal("ecommerce/deploy/api", await page.TextContentAsync("#details-title"));
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Clicking_an_edge_shows_the_check_explanation()
    {
        ReportBrowser.RequireBrowser();
        var (page, _) = await browser.OpenAsync(ReportBrowser.WriteReport(Example));

        var point = await page.EvaluateAsync<double[]>("""
            () => {
              const e = netpol.cy.edges().filter(e => e.source().data('label') === 'deploy/web' && e.target().data('label') === 'sts/postgres')[0];
              const r = netpol.cy.container().getBoundingClientRect();
              const p = e.renderedMidpoint();
              return [r.left + p.x, r.top + p.y];
            }
            """);
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);

        var why = await page.TextContentAsync("#details pre.why");
        Assert.StartsWith("DENIED: ecommerce/deploy/web -> ecommerce/sts/postgres on 5432/TCP", why, StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Namespace_filter_keeps_the_namespace_and_its_peers_only()
    {
        ReportBrowser.RequireBrowser();
        var (page, _) = await browser.OpenAsync(ReportBrowser.WriteReport(Example));

        await page.SelectOptionAsync("#filter-ns", "monitoring");
        await page.WaitForFunctionAsync("() => netpol.cy.nodes('[type=\"workload\"]').length < 6");

        var shown = await page.EvaluateAsync<string[]>("() => netpol.cy.nodes().filter(n => n.data('idx') !== undefined).map(n => netpol.data.nodes[n.data('idx')].id).sort()");
        Assert.Equal(["ecommerce/deploy/api", "monitoring/deploy/prometheus"], shown);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Port_filter_hides_flows_on_other_ports()
    {
        ReportBrowser.RequireBrowser();
        var (page, _) = await browser.OpenAsync(ReportBrowser.WriteReport(Example));
        var before = await page.EvaluateAsync<int>("() => netpol.cy.edges().length");

        await page.FillAsync("#filter-port", "5432");
        await page.DispatchEventAsync("#filter-port", "change");
        await page.WaitForFunctionAsync($"() => netpol.cy.edges().length < {before}");

        var labels = await page.EvaluateAsync<string[]>("() => netpol.cy.edges().map(e => e.data('label'))");
        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.Contains("5432", l, StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Matrix_tab_shows_the_grid_with_every_node_and_the_allowed_pairs()
    {
        ReportBrowser.RequireBrowser();
        var (page, errors) = await browser.OpenAsync(ReportBrowser.WriteReport(Example));

        await page.ClickAsync("#tab-matrix");
        var rows = await page.EvaluateAsync<int>("() => document.querySelectorAll('#matrix-grid tr').length - 1");
        var nodes = await page.EvaluateAsync<int>("() => netpol.data.nodes.length");
        Assert.Equal(nodes, rows);
        Assert.Equal("allowed", await Cell(page, "ecommerce/deploy/api", "ecommerce/sts/postgres"));
        Assert.Equal("denied", await Cell(page, "ecommerce/deploy/web", "ecommerce/sts/postgres"));
        Assert.Equal("none", await Cell(page, "ecommerce/deploy/redis", "monitoring/deploy/prometheus"));
        Assert.Contains("5432/TCP", await page.GetAttributeAsync("#matrix-grid td[data-from='ecommerce/deploy/api'][data-to='ecommerce/sts/postgres']", "title"), StringComparison.Ordinal);

        // The graph's namespace filter narrows the grid too.
        await page.ClickAsync("#tab-graph");
        await page.SelectOptionAsync("#filter-ns", "monitoring");
        await page.ClickAsync("#tab-matrix");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.querySelectorAll('#matrix-grid tr').length - 1"));
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    private static Task<string?> Cell(IPage page, string from, string to) =>
        page.GetAttributeAsync($"#matrix-grid td[data-from='{from}'][data-to='{to}']", "data-kind");

    [SkippableFact]
    public async Task A_large_cluster_opens_on_namespaces_and_expands_on_click()
    {
        ReportBrowser.RequireBrowser();
        var (page, errors) = await browser.OpenAsync(ReportBrowser.WriteReport(Example, new Analysis.Report.ReportOptions { AggregateAbove = 3 }));

        Assert.Equal(0, await page.EvaluateAsync<int>("() => netpol.cy.nodes('[type=\"workload\"]').length"));
        await ClickAsync(page, "() => netpol.cy.getElementById('ns:ecommerce')");
        await page.WaitForFunctionAsync("() => netpol.cy.nodes('[type=\"workload\"]').length === 5");
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Screenshot_for_the_readme()
    {
        ReportBrowser.RequireBrowser();
        Skip.If(Environment.GetEnvironmentVariable("NETPOL_UPDATE_SCREENSHOT") != "1", "set NETPOL_UPDATE_SCREENSHOT=1 to rewrite docs/report.png");
        var (page, _) = await browser.OpenAsync(ReportBrowser.WriteReport(Example), 1280, 760);
        await ClickNodeAsync(page, "ecommerce/deploy/api");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoRoot(), "docs", "report.png") });
        await page.CloseAsync();
    }

    private static Task ClickNodeAsync(IPage page, string id) =>
        ClickAsync(page, $"() => netpol.cy.nodes().filter(n => n.data('idx') !== undefined && netpol.data.nodes[n.data('idx')].id === '{id}')[0]");

    private static async Task ClickAsync(IPage page, string element)
    {
        var point = await page.EvaluateAsync<double[]>($$"""
            () => {
              const n = ({{element}})();
              const r = netpol.cy.container().getBoundingClientRect();
              const p = n.renderedPosition();
              return [r.left + p.x, r.top + p.y];
            }
            """);
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "netpol.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (netpol.slnx)");
    }
}
