using Collector.Crawler.Browser;
using Collector.Crawler.Fetching;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Crawler.Tests.Browser;

/// <summary>A long browser crawl must not grow Chromium's memory: contexts are recycled, tabs do not pile up.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserMemoryTests(BrowserFixture fixture)
{
    private const int Pages = 300;
    private const int WarmUp = 60;

    [Fact]
    public async Task FetchAsync_300ScriptRenderedPages_BrowserMemoryStaysFlat()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, "Chromium is not installed.");
        var cancel = TestContext.Current.CancellationToken;
        var options = BrowserFixture.Options(o =>
        {
            o.RecycleContextAfterPages = 30;
            o.ScreenshotScope = ScreenshotScope.Viewport;
        });
        await using var host = new ChromiumHost(options, NullLogger<ChromiumHost>.Instance);
        await using var browser = TestFetcher.Create(host, options);
        var next = -1;
        var failures = 0;
        MemorySample warm = default;

        async Task WorkAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Pages)
            {
                var result = await browser.Fetcher.FetchAsync(new FetchRequest
                {
                    Url = fixture.Site.Url($"/bench/{i}"),
                    WaitFor = "article[data-rendered=\"1\"]",
                }, cancel);
                if (result.Error is not null || result.RenderedDom?.Contains($"data-post-id=\"p{i}\"", StringComparison.Ordinal) != true)
                {
                    Interlocked.Increment(ref failures);
                }

                if (i == WarmUp)
                {
                    warm = host.MeasureMemory();
                }
            }
        }

        await Task.WhenAll(WorkAsync(), WorkAsync());
        await Task.Delay(1000, cancel); // the last retired context finishes closing
        var end = host.MeasureMemory();

        Assert.Equal(0, failures);
        Assert.True(warm.PssBytes > 0, "the browser tree's memory could be read from /proc");
        Assert.True(end.PssMb < (warm.PssMb * 1.6) + 150, $"browser memory grew from {warm.PssMb:F0} MB after {WarmUp} pages to {end.PssMb:F0} MB after {Pages}");
        Assert.True(end.Processes <= warm.Processes + 4, $"browser processes grew from {warm.Processes} to {end.Processes}");
        var stats = browser.Pool.Statistics;
        Assert.True(stats.ContextsCreated >= Pages / 30, $"{stats.ContextsCreated} contexts for {Pages} pages at 30 per context");
        Assert.True(stats.PagesReused > Pages / 2, "tabs are reused within a context");
    }
}
