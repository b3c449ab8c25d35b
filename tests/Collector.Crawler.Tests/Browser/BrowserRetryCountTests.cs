using Collector.Crawler.Browser;
using Collector.Crawler.Tests.Core;
using Collector.Crawler.Tests.Support;
using Collector.Model;
using Collector.Simulator;
using Collector.Simulator.Faults;

namespace Collector.Crawler.Tests.Browser;

/// <summary>
/// Retries counted across Chromium's own: a navigation reset on a reused connection is resent by Chromium itself, so each
/// of our attempts can cost the host two requests. A URL that always resets, crawled in browser mode, is asked at most
/// (maxRetries + 1) times per round of queue attempts at the server, not twice that.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserRetryCountTests
{
    private const int MaxRetries = 4;
    private const int QueueAttempts = 3;

    [Fact]
    public async Task RunAsync_UrlThatAlwaysResets_ServerAskedNoMoreThanTheRetryBudget()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumInstalled, $"Chromium is not installed at {BrowserFixture.Chromium}.");
        await using var sim = await RateControlTests.StartAsync();
        await using var harness = CrawlHarness.Create(
            o => o.MaxRetries = MaxRetries,
            services: s => s.AddBrowserFetcher(BrowserFixture.Options(o => o.Screenshots = false)));
        var posts = RateControlTests.LivePostPaths(sim, "hobbies");
        var reset = posts[2];
        sim.Faults.Set(FaultKind.ConnectionReset, SimPlatform.Forum, reset, count: 1000);
        var source = RateControlTests.Source(sim, "hobbies");
        source.Render = RenderMode.Browser;

        await harness.CrawlAsync(source, 0, cancellationToken: TestContext.Current.CancellationToken);

        var captures = await harness.CapturesAsync();
        Assert.Equal(PageOutcome.Failed, captures.Single(c => c.RequestUrl.EndsWith(reset, StringComparison.Ordinal)).Outcome);
        Assert.Contains(captures, c => c.Outcome == PageOutcome.Content);
        var asked = sim.RequestLog.All.Count(r => r.PathAndQuery == reset);
        Assert.InRange(asked, QueueAttempts, (MaxRetries + 1) * QueueAttempts);
    }
}
