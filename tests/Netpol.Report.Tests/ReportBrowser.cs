using System.Text;
using Microsoft.Playwright;
using Netpol.Analysis.Report;
using Netpol.Manifests.Loading;
using Netpol.Rendering.Html;

namespace Netpol.Report.Tests;

/// <summary>
/// Opens netpol reports in Debian's chromium through Playwright (no browser download: the system binary). Without
/// chromium or without the bundled graph library the tests skip and say why; under CI (CI=true) they fail instead.
/// </summary>
public sealed class ReportBrowser : IAsyncLifetime
{
    /// <summary>Flags that keep headless chromium offline and quiet.</summary>
    public static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>The chromium binary: NETPOL_CHROMIUM, else /usr/bin/chromium.</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("NETPOL_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Missing =>
        !File.Exists(Chromium) ? $"no chromium at {Chromium} (apt-get install chromium, or set NETPOL_CHROMIUM)"
        : !ReportHtmlRenderer.IsAvailable ? "the report's JavaScript bundle is not built in: npm ci --prefix src/Netpol.Rendering/Html/vendor, then rebuild"
        : null;

    /// <summary>Skips (or under CI fails) when the browser tests cannot run.</summary>
    public static void RequireBrowser()
    {
        if (Missing is { } why)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"browser tests cannot run under CI: {why}");
            Skip.If(true, why);
        }
    }

    public async Task InitializeAsync()
    {
        if (Missing is not null)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = Flags });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>Writes the report of some manifests to a temporary file and returns its path.</summary>
    public static string WriteReport(string source, ReportOptions? options = null)
    {
        var loaded = ManifestLoader.Load([source]);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var report = ReportAnalysis.Run(loaded.Cluster, options ?? new ReportOptions());
        var path = Path.Combine(Path.GetTempPath(), $"netpol-report-{Guid.NewGuid():N}.html");
        using var w = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        ReportHtmlRenderer.Write(report, w);
        return path;
    }

    /// <summary>Opens the page and waits until its first layout is done; console errors and page errors are collected.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string path, int width = 1400, int height = 900)
    {
        var page = await Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        page.RequestFailed += (_, r) => errors.Add($"request failed: {r.Url}");
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.WaitForSelectorAsync("body[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 120_000 });
        return (page, errors);
    }
}
