using Collector.Crawler.Browser;
using Collector.Crawler.Tests.Core;
using Collector.Model;

namespace Collector.Crawler.Tests.Browser;

/// <summary>
/// The fault mix (429 with Retry-After, 503, a page silent for 25 s, a reset, a redirect loop, a 40 MB chunked
/// page) on the simulated forum, crawled in browser and in auto mode with real Chromium: every reachable page archived
/// within the same bound as the HTTP crawl (<see cref="RateControlTests"/>), Retry-After honoured for each limited path.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserFaultMixTests
{
    [Theory]
    [InlineData(RenderMode.Browser)]
    [InlineData(RenderMode.Auto)]
    public Task RunAsync_FaultMix_EveryReachablePageInTimeRetryAfterHonouredForEachPath(RenderMode render)
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.Chromium}.");
        var harness = RateControlTests.Harness(s => s.AddBrowserFetcher(BrowserFixture.Options(o => o.MaxBodyBytes = 1024 * 1024)));
        return RateControlTests.FaultMixAsync(harness, render, pagesOnly: false);
    }
}
