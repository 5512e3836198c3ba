using System.Diagnostics;
using Xunit.Abstractions;

namespace Netpol.Report.Tests;

/// <summary>
/// Load and expand times of a large report in headless chromium (docs/benchmarks.md): set NETPOL_REPORT_BENCH to a
/// report written from the generated 10,000-workload cluster.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class LargeReportTests(ReportBrowser browser, ITestOutputHelper output) : IClassFixture<ReportBrowser>
{
    [SkippableFact]
    public async Task Large_report_loads_aggregated_and_expands_on_click()
    {
        var path = Environment.GetEnvironmentVariable("NETPOL_REPORT_BENCH");
        Skip.If(string.IsNullOrEmpty(path), "set NETPOL_REPORT_BENCH to a large report to measure it");
        ReportBrowser.RequireBrowser();

        // The taps run inside a block that returns nothing: returning the element emit() gives back makes Playwright
        // serialise Cytoscape's whole object graph, which took 15-18 s and once passed for a slow page.
        var clock = Stopwatch.StartNew();
        var (page, errors) = await browser.OpenAsync(Path.GetFullPath(path!));
        var ready = clock.Elapsed;
        var timings = await page.EvaluateAsync<double[]>("() => [netpol.timings.parse, netpol.timings.layout, netpol.timings.total, netpol.workloads, netpol.cy.nodes().length]");
        clock.Restart();
        await page.EvaluateAsync("() => { netpol.cy.nodes('[type=\"team\"]')[0].emit('tap'); }");
        await page.WaitForFunctionAsync("() => netpol.cy.nodes('[type=\"namespace\"]').length > 0");
        var expandTeam = clock.Elapsed;
        output.WriteLine(await page.EvaluateAsync<string>("() => JSON.stringify(netpol.timings) + ' nodes ' + netpol.cy.nodes().length"));
        clock.Restart();
        await page.EvaluateAsync("() => { netpol.cy.nodes('[type=\"namespace\"]')[0].emit('tap'); }");
        await page.WaitForFunctionAsync("() => netpol.cy.nodes('[type=\"workload\"]').length > 0");
        var expandNamespace = clock.Elapsed;
        clock.Restart();
        await page.ClickAsync("#tab-matrix");
        await page.ClickAsync("#matrix th");
        var sortMatrix = clock.Elapsed;

        output.WriteLine($"workloads {timings[3]}, nodes drawn {timings[4]}; open to ready {ready.TotalMilliseconds:F0} ms (JSON parse {timings[0]:F0} ms, first layout {timings[1]:F0} ms, script total {timings[2]:F0} ms); expand a team {expandTeam.TotalMilliseconds:F0} ms; expand a namespace {expandNamespace.TotalMilliseconds:F0} ms; sort the connectivity table {sortMatrix.TotalMilliseconds:F0} ms");
        Assert.Empty(errors);
        Assert.True(ready < TimeSpan.FromSeconds(60), $"took {ready}");
        await page.CloseAsync();
    }
}
