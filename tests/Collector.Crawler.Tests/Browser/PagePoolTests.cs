using Collector.Crawler.Browser;
using Collector.Crawler.Fetching;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Crawler.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PagePoolTests(BrowserFixture fixture)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_SequentialPages_ReuseOneTab()
    {
        await using var browser = fixture.CreateFetcher();

        for (var i = 0; i < 4; i++)
        {
            var result = await browser.Fetcher.FetchAsync(Page(i), Cancel);
            Assert.Contains($"Static page {i}", result.RenderedDom, StringComparison.Ordinal);
        }

        var stats = browser.Pool.Statistics;
        Assert.Equal(1, stats.PagesOpened);
        Assert.Equal(3, stats.PagesReused);
        Assert.Equal(1, stats.ContextsCreated);
    }

    [Fact]
    public async Task FetchAsync_ReusePagesOff_FreshTabEachTime()
    {
        await using var browser = fixture.CreateFetcher(o => o.ReusePages = false);

        for (var i = 0; i < 3; i++)
        {
            await browser.Fetcher.FetchAsync(Page(i), Cancel);
        }

        Assert.Equal(3, browser.Pool.Statistics.PagesOpened);
        Assert.Equal(0, browser.Pool.Statistics.PagesReused);
    }

    [Fact]
    public async Task FetchAsync_RecycleAfterThreePages_NewContextEveryThreeAndOldOnesClosed()
    {
        await using var browser = fixture.CreateFetcher(o => o.RecycleContextAfterPages = 3);

        for (var i = 0; i < 7; i++)
        {
            var result = await browser.Fetcher.FetchAsync(Page(i), Cancel);
            Assert.Null(result.Error);
        }

        var stats = await WaitForAsync(browser.Pool, s => s.ContextsClosed >= 2);
        Assert.Equal(3, stats.ContextsCreated);
        Assert.Equal(2, stats.RecycledByCount);
        Assert.Equal(2, stats.ContextsClosed);
        Assert.Equal(3, stats.PagesOpened);
    }

    [Fact]
    public async Task FetchAsync_ConcurrentFetches_ShareOneContextWithOneTabEach()
    {
        await using var browser = fixture.CreateFetcher();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => browser.Fetcher.FetchAsync(Page(i), Cancel)));

        Assert.All(results, r => Assert.Null(r.Error));
        var stats = browser.Pool.Statistics;
        Assert.Equal(1, stats.ContextsCreated);
        Assert.Equal(6, stats.PagesOpened + stats.PagesReused);
    }

    [Fact]
    public async Task WarmUpAsync_ThreeTabs_TheFirstConcurrentFetchesFindThemOpen()
    {
        await using var browser = fixture.CreateFetcher();

        await browser.Fetcher.WarmUpAsync(3, Cancel);
        Assert.Equal(3, browser.Pool.Statistics.PagesOpened);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => browser.Fetcher.FetchAsync(Page(i), Cancel)));

        Assert.All(results, r => Assert.Null(r.Error));
        var stats = browser.Pool.Statistics;
        Assert.Equal(1, stats.ContextsCreated);
        Assert.Equal(3, stats.PagesOpened);
        Assert.Equal(3, stats.PagesReused);
    }

    [Fact]
    public async Task WarmUpAsync_FetchStartedAlongside_TakesTheWarmedTabInsteadOfOpeningItsOwn()
    {
        await using var browser = fixture.CreateFetcher();

        // as a crawl starts: the warm-up and the first page together, before any tab is open
        var warmUp = browser.Fetcher.WarmUpAsync(3, Cancel);
        var first = await browser.Fetcher.FetchAsync(Page(0), Cancel);
        await warmUp;

        Assert.Null(first.Error);
        var stats = browser.Pool.Statistics;
        Assert.Equal(3, stats.PagesOpened);
        Assert.Equal(1, stats.PagesReused);
    }

    [Fact]
    public async Task FetchAsync_MemoryOverThreshold_ContextsRetiredEarly()
    {
        // 100 MB is below any Chromium's footprint: the first reading must retire the context.
        await using var browser = fixture.CreateFetcher(o =>
        {
            o.RecycleAtMemoryMb = 100;
            o.MemorySampleInterval = TimeSpan.FromMilliseconds(50);
        });

        for (var i = 0; i < 4 && browser.Pool.Statistics.RecycledByMemory == 0; i++)
        {
            await browser.Fetcher.FetchAsync(Page(i), Cancel);
            await Task.Delay(200, Cancel);
        }

        var stats = browser.Pool.Statistics;
        Assert.True(stats.RecycledByMemory >= 1);
        Assert.True(stats.LastMemory.PssMb > 100);
        Assert.True(stats.LastMemory.Processes >= 2, "the browser tree holds the browser and at least a renderer");
    }

    [Fact]
    public async Task FetchAsync_BrowserKilled_RetryableErrorThenRelaunched()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, "Chromium is not installed.");
        var options = BrowserFixture.Options();
        await using var host = new ChromiumHost(options, NullLogger<ChromiumHost>.Instance);
        await using var browser = TestFetcher.Create(host, options);
        var first = await browser.Fetcher.FetchAsync(Page(1), Cancel);
        Assert.Null(first.Error);
        var pid = Assert.NotNull(host.BrowserProcessId);

        using (var process = System.Diagnostics.Process.GetProcessById(pid))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Cancel);
        }

        // the crawl core retries a Retry error; within its attempts the browser is back
        FetchResult? result = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            result = await browser.Fetcher.FetchAsync(Page(2), Cancel);
            if (result.Error is null)
            {
                break;
            }

            Assert.Equal(FetchErrorAction.Retry, result.Error.Action);
        }

        Assert.Null(result!.Error);
        Assert.Contains("Static page 2", result.RenderedDom, StringComparison.Ordinal);
        Assert.Equal(2, host.Launches);
        Assert.NotEqual(pid, host.BrowserProcessId);
    }

    [Fact]
    public async Task StartDriver_ThenFetch_TheLaunchUsesTheDriverStartedAhead()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, "Chromium is not installed.");
        var options = BrowserFixture.Options();
        var before = DriverProcesses();
        await using (var host = new ChromiumHost(options, NullLogger<ChromiumHost>.Instance))
        {
            host.StartDriver();
            await using var browser = TestFetcher.Create(host, options);
            var result = await browser.Fetcher.FetchAsync(Page(1), Cancel);

            Assert.Null(result.Error);
            Assert.Equal(before + 1, DriverProcesses());
        }

        Assert.True(await WaitUntilAsync(() => DriverProcesses() == before), "the driver stops with its host");
    }

    [Fact]
    public async Task StartDriver_BrowserNeverUsed_DriverStopsWithTheHost()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, "Chromium is not installed.");
        var before = DriverProcesses();
        await using (var host = new ChromiumHost(BrowserFixture.Options(), NullLogger<ChromiumHost>.Instance))
        {
            host.StartDriver();
            Assert.True(await WaitUntilAsync(() => DriverProcesses() == before + 1), "the driver starts in the background");
        }

        Assert.True(await WaitUntilAsync(() => DriverProcesses() == before), "a driver started ahead and never used is stopped");
    }

    [Fact]
    public async Task FetchAsync_ChromiumMissing_StopRunError()
    {
        var options = BrowserFixture.Options(o => o.ExecutablePath = "/nonexistent/chromium");
        await using var host = new ChromiumHost(options, NullLogger<ChromiumHost>.Instance);
        await using var browser = TestFetcher.Create(host, options);

        var result = await browser.Fetcher.FetchAsync(Page(1), Cancel);

        Assert.NotNull(result.Error);
        Assert.Equal(FetchErrorAction.StopRun, result.Error.Action);
        Assert.Contains("/nonexistent/chromium", result.Error.Message, StringComparison.Ordinal);
    }

    /// <summary>Playwright drivers (Node processes) this test process runs: the fixture's, and any a test starts.</summary>
    private static int DriverProcesses() =>
        ProcessTreeMemory.Children(Environment.ProcessId).Count(c => c.Arguments.Any(a => a.Contains("/.playwright/node/", StringComparison.Ordinal)));

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 150 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        return condition();
    }

    private FetchRequest Page(int n) => new() { Url = fixture.Site.Url($"/static/{n}"), Screenshot = false };

    private static async Task<BrowserPoolStatistics> WaitForAsync(PagePool pool, Func<BrowserPoolStatistics, bool> condition)
    {
        await WaitUntilAsync(() => condition(pool.Statistics));
        return pool.Statistics;
    }
}
