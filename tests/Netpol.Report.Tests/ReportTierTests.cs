using Netpol.Analysis.Report;
using Netpol.Core.Profiles;

namespace Netpol.Report.Tests;

/// <summary>The report of the admin-guardrails example: the cluster policy tiers, driven in headless chromium.</summary>
[Trait("Category", "Browser")]
public sealed class ReportTierTests(ReportBrowser browser) : IClassFixture<ReportBrowser>
{
    private const string Example = "example:admin-guardrails";

    [SkippableFact]
    public async Task Cluster_policies_tab_lists_Admin_by_priority_then_NetworkPolicy_then_Baseline()
    {
        ReportBrowser.RequireBrowser();
        var (page, errors) = await browser.OpenAsync(ReportBrowser.WriteReport(Example));

        await page.ClickAsync("#tab-tiers");
        var order = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('#tiers > li')).map(li => li.dataset.tier + ' ' + (li.dataset.policy || ''))");

        Assert.Equal(
            [
                "Admin cnp/always-allow-monitoring", "Admin cnp/deny-dev-to-prod", "Admin cnp/delegate-prod-to-owners",
                "NetworkPolicy ", "Baseline cnp/default-deny", "Default ",
            ],
            order);
        Assert.True(await page.IsVisibleAsync("#section-tiers"));
        var deny = await page.TextContentAsync("#tiers li[data-policy='cnp/deny-dev-to-prod']");
        Assert.Contains("priority 10", deny, StringComparison.Ordinal);
        Assert.Contains("subject: namespaces env=prod", deny, StringComparison.Ordinal);
        Assert.Contains("ingress[0] \"no-dev-traffic\"", deny, StringComparison.Ordinal);
        Assert.Contains("from namespaces env=dev (2 pods)", deny, StringComparison.Ordinal);
        Assert.Equal("Deny", await page.TextContentAsync("#tiers li[data-policy='cnp/deny-dev-to-prod'] td.act-deny"));
        Assert.Contains("53/UDP", await page.TextContentAsync("#tiers li[data-policy='cnp/default-deny']"), StringComparison.Ordinal);
        Assert.Contains("4 NetworkPolicies in 2 namespaces", await page.TextContentAsync("#tiers li[data-tier='NetworkPolicy']"), StringComparison.Ordinal);
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Clicking_a_flow_an_Admin_Deny_denies_names_the_rule()
    {
        ReportBrowser.RequireBrowser();
        var (page, errors) = await browser.OpenAsync(ReportBrowser.WriteReport(Example));

        // The edge is tapped directly: on this small graph its midpoint lies under the DNS node. The block returns
        // nothing so Playwright does not serialise Cytoscape's object graph.
        await page.EvaluateAsync("""
            () => {
              netpol.cy.edges().filter(e => e.source().data('idx') !== undefined && e.target().data('idx') !== undefined
                && netpol.data.nodes[e.source().data('idx')].id === 'dev/deploy/web' && netpol.data.nodes[e.target().data('idx')].id === 'prod/deploy/web')[0].emit('tap');
            }
            """);

        Assert.Contains("ingress: denied by [Admin] cnp/deny-dev-to-prod ingress[0] Deny (rule \"no-dev-traffic\")", await page.TextContentAsync("#details-decided"), StringComparison.Ordinal);
        Assert.NotNull(await page.QuerySelectorAsync("#details-tier-note"));
        var why = await page.TextContentAsync("#details pre.why");
        Assert.StartsWith("DENIED: dev/deploy/web -> prod/deploy/web on 8080/TCP", why, StringComparison.Ordinal);
        Assert.Contains("[Admin] cnp/deny-dev-to-prod ingress[0] Deny 8080/TCP", why, StringComparison.Ordinal);
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Clicking_a_pod_lists_the_cluster_policies_governing_it()
    {
        ReportBrowser.RequireBrowser();
        var (page, _) = await browser.OpenAsync(ReportBrowser.WriteReport(Example));

        var point = await page.EvaluateAsync<double[]>("""
            () => {
              const n = netpol.cy.nodes().filter(n => n.data('idx') !== undefined && netpol.data.nodes[n.data('idx')].id === 'prod/deploy/worker')[0];
              const r = netpol.cy.container().getBoundingClientRect();
              const p = n.renderedPosition();
              return [r.left + p.x, r.top + p.y];
            }
            """);
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);

        var tiers = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('#details-tiers li')).map(li => li.textContent)");
        Assert.Equal(
            [
                "[Admin] cnp/always-allow-monitoring priority 5 (ingress)", "[Admin] cnp/deny-dev-to-prod priority 10 (ingress)",
                "[Admin] cnp/delegate-prod-to-owners priority 20 (ingress)", "[Baseline] cnp/default-deny priority 100 (ingress)",
                "[Baseline] cnp/default-deny priority 100 (egress)",
            ],
            tiers);
        Assert.Contains("none", await page.TextContentAsync("#details-policies"), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task A_report_for_a_plugin_says_so_and_marks_the_cluster_policies_it_ignores()
    {
        ReportBrowser.RequireBrowser();
        var (page, errors) = await browser.OpenAsync(ReportBrowser.WriteReport(Example, new ReportOptions { Cni = CniProfiles.Cilium }));

        Assert.Contains("as Cilium enforces it (--cni cilium)", await page.TextContentAsync("#cni"), StringComparison.Ordinal);
        await page.ClickAsync("#tab-tiers");
        Assert.Equal(4, await page.EvaluateAsync<int>("() => document.querySelectorAll('#tiers li.ignored').length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => netpol.data.edges.filter(e => e.tier).length"));
        Assert.Empty(errors);
        await page.CloseAsync();
    }
}
