using System.Text.RegularExpressions;
using Collector.Crawler.Browser;
using Collector.Crawler.Fetching;

namespace Collector.Crawler.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class AutoScrollTests(BrowserFixture fixture)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_InfiniteFeed_ScrollsToTheEndAndCapturesEveryJsonPage()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest
        {
            Url = fixture.Site.Url("/feed"),
            Scroll = new ScrollPlan { Times = 30, ItemSelector = ".item", StopAfterNoGrowth = 2, Budget = TimeSpan.FromMinutes(2) },
        }, Cancel);

        Assert.Null(result.Error);
        Assert.Equal(BrowserTestSite.FeedItems, Items(result.RenderedDom));
        // pages 0..4 of the API (the last one short): every one handed over with its body
        Assert.Equal(5, result.Network.Count(n => n.Url.Contains("/api/items", StringComparison.Ordinal)));
        Assert.Contains(result.Network, n => n.Url.EndsWith("page=4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_MaxItems_StopsOnceReached()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest
        {
            Url = fixture.Site.Url("/feed"),
            Scroll = new ScrollPlan { Times = 30, ItemSelector = ".item", MaxItems = 20 },
        }, Cancel);

        var items = Items(result.RenderedDom);
        Assert.InRange(items, 20, 30);
    }

    [Fact]
    public async Task FetchAsync_LoadMoreButton_ClickedUntilItDisappears()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest
        {
            Url = fixture.Site.Url("/more"),
            LoadMoreSelector = "#more",
            Scroll = new ScrollPlan { Times = 30, ItemSelector = ".item", Budget = TimeSpan.FromMinutes(2) },
        }, Cancel);

        Assert.Equal(BrowserTestSite.FeedItems, Items(result.RenderedDom));
        Assert.DoesNotContain("id=\"more\"", result.RenderedDom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PageThatNeverGrows_StopsAtNoGrowthOrBudget()
    {
        await using var browser = fixture.CreateFetcher();
        var page = await browser.Pool.AcquireAsync(null, Cancel);
        try
        {
            await page.Page.GotoAsync(fixture.Site.Url("/static/7").AbsoluteUri);

            var noGrowth = await AutoScroller.RunAsync(
                page.Page, new ScrollPlan { Times = 50, StopAfterNoGrowth = 2 }, null, TimeSpan.FromMilliseconds(200), TimeProvider.System, Cancel);
            var budget = await AutoScroller.RunAsync(
                page.Page, new ScrollPlan { Times = 1000, StopAfterNoGrowth = 1000, Budget = TimeSpan.FromSeconds(1) }, null, TimeSpan.FromMilliseconds(200), TimeProvider.System, Cancel);
            var times = await AutoScroller.RunAsync(
                page.Page, new ScrollPlan { Times = 1, StopAfterNoGrowth = 5 }, null, TimeSpan.FromMilliseconds(100), TimeProvider.System, Cancel);

            Assert.Equal(ScrollStop.NoGrowth, noGrowth.Stop);
            Assert.Equal(2, noGrowth.Steps);
            Assert.Equal(ScrollStop.Budget, budget.Stop);
            Assert.InRange(budget.Steps, 1, 10);
            Assert.Equal(ScrollStop.Times, times.Stop);
            Assert.Equal(1, times.Steps);
        }
        finally
        {
            await browser.Pool.ReleaseAsync(page, reusable: false);
        }
    }

    private static int Items(string? dom) => ItemPattern().Count(dom ?? "");

    [GeneratedRegex("class=\"item\"")]
    private static partial Regex ItemPattern();
}
