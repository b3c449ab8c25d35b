using Microsoft.Playwright;

namespace Collector.Detection.Tests;

/// <summary>Opens report.html in headless Chromium: charts render, the script runs without errors, nothing is fetched.</summary>
public sealed class HtmlReportTests(SmallWorldFixture fixture) : IClassFixture<SmallWorldFixture>
{
    private const string Chromium = "/usr/lib/chromium/chromium";

    [Fact]
    public async Task Report_InChromium_RendersChartsWithoutErrorsOrFetches()
    {
        Assert.SkipWhen(!File.Exists(Chromium), $"Chromium not installed at {Chromium}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        var fetched = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                fetched.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(Path.Combine(fixture.OutDir, "report.html")).AbsoluteUri);

        Assert.Empty(errors);
        Assert.Empty(fetched);
        var chains = Math.Min(fixture.Result.Chains.Count, Output.HtmlReport.MaxChains);
        Assert.Equal(chains, await page.Locator("article.chain svg.timeline").CountAsync());
        Assert.True(await page.Locator("svg.timeline circle").CountAsync() >= chains * 2);
        var accounts = Math.Min(fixture.Result.Accounts.Count, Output.HtmlReport.MaxAccounts);
        Assert.Equal(accounts, await page.Locator("article.account svg.hours").CountAsync());
        Assert.Equal(accounts * 24, await page.Locator("article.account svg.hours rect.bar").CountAsync());
        Assert.Equal(1, await page.Locator("svg.network").CountAsync());
        var box = await page.Locator("svg.timeline").First.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 30 }, "timeline has a visible size");

        // The flag filter hides accounts without that flag.
        await page.Locator("button[data-flag='language-switch']").ClickAsync();
        var visible = await page.Locator("article.account:not(.hidden)").CountAsync();
        Assert.Equal(fixture.Result.Accounts.Take(Output.HtmlReport.MaxAccounts).Count(a => a.Flags.Contains(AccountFlags.LanguageSwitch)), visible);
        Assert.True(visible > 0);
    }
}
