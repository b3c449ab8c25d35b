using System.Globalization;
using System.Text.RegularExpressions;
using Collector.Crawler.Fetching;
using Collector.Simulator;
using Collector.Simulator.Faults;
using Collector.Simulator.Hosting;
using Collector.Simulator.Sites.Forum;

namespace Collector.Crawler.Tests.Browser;

/// <summary>
/// A page's budgets in browser mode, in real Chromium on loopback. crawler.maxBodyBytes: the simulator's 40 MB chunked
/// page is stopped at the cap as it streams in (not downloaded, parsed and painted whole, ten times over, as before), and
/// the same browser goes on to the next page. maxDomElements: a page whose script builds a huge DOM is kept as the server
/// sent it, without serializing or painting that DOM.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BrowserPageBudgetTests(BrowserFixture fixture)
{
    private const long Cap = 2L * 1024 * 1024;
    private const long Huge = 40L * 1024 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_40MbChunkedPage_StoppedNearTheCapOnceThenTheNextPageRenders()
    {
        await using var browser = fixture.CreateFetcher(o => o.MaxBodyBytes = Cap);
        await using var sim = await SimulatedPlatforms.StartAsync(new SimulationOptions { Seed = 11, PostsPerCommunity = 3 }, Cancel);
        var path = ForumHtml.ListingPath("politics", 1);
        sim.Faults.Add(new FaultRule { Kind = FaultKind.HugePage, Platform = SimPlatform.Forum, PathPrefix = path, Size = Huge, Chunked = true });

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = sim.Url(SimPlatform.Forum, path), Screenshot = true }, Cancel);

        Assert.NotNull(result.Error);
        Assert.Equal(FetchErrorAction.GiveUp, result.Error.Action);
        var received = long.Parse(ReceivedBytes().Match(result.Error.Message).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(received, Cap + 1, Huge / 4);
        Assert.Null(result.RenderedDom);
        Assert.Null(result.Screenshot);
        Assert.Single(sim.RequestLog.All, r => r.PathAndQuery == path);

        var next = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/static/1"), Screenshot = false }, Cancel);
        Assert.Null(next.Error);
        Assert.NotNull(next.RenderedDom);
    }

    [Fact]
    public async Task FetchAsync_ScriptBuildsDomOverTheCap_KeptAsSentWithoutDomOrScreenshot()
    {
        const string page = """
            <!doctype html><html><head><title>Grows</title></head><body><p id="sent">as sent</p>
            <script>const root = document.body; for (let i = 0; i < 5000; i++) { const d = document.createElement('div'); d.textContent = 'row ' + i; root.appendChild(d); }</script>
            </body></html>
            """;
        await using var site = await Support.TestSite.StartAsync(async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, context.Request.Path == "/small" ? "<p>small</p>" : page);
        });
        await using var browser = fixture.CreateFetcher(o => o.MaxDomElements = 1000);

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = site.Url("grows"), Screenshot = true }, Cancel);

        Assert.Null(result.Error);
        Assert.Equal(200, result.Status);
        Assert.Null(result.RenderedDom);
        Assert.Null(result.Screenshot);
        Assert.Contains("as sent", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("row 4999", result.Text, StringComparison.Ordinal);

        var small = await browser.Fetcher.FetchAsync(new FetchRequest { Url = site.Url("small"), Screenshot = false }, Cancel);
        Assert.Contains("small", small.RenderedDom, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\((\d+) bytes received")]
    private static partial Regex ReceivedBytes();
}
