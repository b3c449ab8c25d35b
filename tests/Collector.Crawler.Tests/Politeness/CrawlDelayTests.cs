using System.Diagnostics;
using Collector.Crawler.Tests.Core;
using Collector.Crawler.Tests.Support;

namespace Collector.Crawler.Tests.Politeness;

/// <summary>robots.txt's Crawl-delay spaces every request to its host, up to a ceiling, unless overridden with a reason.</summary>
public sealed class CrawlDelayTests
{
    private static async Task<(CrawlHarness Harness, TestSite Site, Collector.Crawler.Core.CrawlSummary Summary)> CrawlAsync(
        string robots, Action<Configuration.CrawlerOptions>? configure = null, Configuration.RobotsOptions? robotsOptions = null)
    {
        var site = await TestSite.StartAsync(ForumCrawlTests.Forum(1, 4, robots: robots));
        var harness = CrawlHarness.Create(configure);
        var source = CrawlHarness.Source(site.Url("list/0"), "a.post-link");
        if (robotsOptions is not null)
        {
            source.Robots = robotsOptions;
        }

        // unpaced: only the Crawl-delay can space the requests
        var summary = await harness.CrawlAsync(source, rate: 0);
        return (harness, site, summary);
    }

    private static List<TimeSpan> Gaps(TestSite site)
    {
        var ticks = site.Requests.Select(r => r.Ticks).Order().ToList();
        return [.. ticks.Skip(1).Zip(ticks, (b, a) => TimeSpan.FromSeconds((b - a) / (double)Stopwatch.Frequency))];
    }

    [Fact]
    public async Task RunAsync_RobotsCrawlDelay_EveryRequestToTheHostSpacedByIt()
    {
        var (harness, site, summary) = await CrawlAsync("User-agent: *\nCrawl-delay: 1\n");
        await using var _ = harness;
        await using var __ = site;

        Assert.Equal(4, summary.Posts);
        Assert.Equal(6, site.Requests.Count);
        Assert.All(Gaps(site), gap => Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"two requests {gap.TotalMilliseconds:0} ms apart under Crawl-delay: 1"));
    }

    [Fact]
    public async Task RunAsync_CrawlDelayOnASlowHost_OneRequestAtATimeEachTheDelayAfterThePreviousEnded()
    {
        // each post takes 400 ms to answer: spaced from the previous request's start, the next one would go out while
        // it is still being answered, and reach the host sooner than the delay after it whenever the sends jitter
        var slow = TimeSpan.FromMilliseconds(400);
        var site = await TestSite.StartAsync(ForumCrawlTests.Forum(1, 4, async (_, _) =>
        {
            await Task.Delay(slow, TestContext.Current.CancellationToken);
            return false;
        }, robots: "User-agent: *\nCrawl-delay: 1\n"));
        await using var __ = site;
        await using var harness = CrawlHarness.Create();

        var summary = await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link"), rate: 0);

        Assert.Equal(4, summary.Posts);
        var posts = site.Requests.Where(r => r.Path.StartsWith("/post/", StringComparison.Ordinal)).Select(r => r.Ticks).Order().ToList();
        Assert.Equal(4, posts.Count);
        var gaps = posts.Skip(1).Zip(posts, (b, a) => TimeSpan.FromSeconds((b - a) / (double)Stopwatch.Frequency)).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromSeconds(1) + slow - TimeSpan.FromMilliseconds(50),
            $"a post requested {gap.TotalMilliseconds:0} ms after the previous one began, which took {slow.TotalMilliseconds:0} ms to answer, under Crawl-delay: 1"));
    }

    [Fact]
    public async Task RunAsync_SlowRobotsTxt_FirstPageTheDelayAfterRobotsEnded()
    {
        // robots.txt takes 400 ms to answer: it went out before its Crawl-delay was known, so the first page must be spaced
        // from its end (spaced from its start, the page reached the host 414 ms after robots.txt under a 500 ms delay
        // whenever the first connection's send lagged)
        var slow = TimeSpan.FromMilliseconds(400);
        var forum = ForumCrawlTests.Forum(1, 2, robots: "User-agent: *\nCrawl-delay: 1\n");
        await using var site = await TestSite.StartAsync(async context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                await Task.Delay(slow, TestContext.Current.CancellationToken);
            }

            await forum(context);
        });
        await using var harness = CrawlHarness.Create();

        var summary = await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link"), rate: 0);

        Assert.Equal(2, summary.Posts);
        var robots = site.Requests.Single(r => r.Path == "/robots.txt").Ticks;
        var first = site.Requests.Where(r => r.Path != "/robots.txt").Min(r => r.Ticks);
        var gap = TimeSpan.FromSeconds((first - robots) / (double)Stopwatch.Frequency);
        Assert.True(gap >= TimeSpan.FromSeconds(1) + slow - TimeSpan.FromMilliseconds(50),
            $"the first page reached the host {gap.TotalMilliseconds:0} ms after robots.txt began, which took {slow.TotalMilliseconds:0} ms to answer, under Crawl-delay: 1");
    }

    [Fact]
    public async Task RunAsync_CrawlDelayOverTheCeiling_CutToTheCeiling()
    {
        var clock = Stopwatch.StartNew();
        var (harness, site, summary) = await CrawlAsync("User-agent: *\nCrawl-delay: 60\n", o => o.MaxCrawlDelay = TimeSpan.FromMilliseconds(500));
        await using var _ = harness;
        await using var __ = site;

        Assert.Equal(4, summary.Posts);
        Assert.All(Gaps(site), gap => Assert.True(gap >= TimeSpan.FromMilliseconds(450), $"two requests {gap.TotalMilliseconds:0} ms apart under a 500 ms ceiling"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"{clock.Elapsed.TotalSeconds:0} s: the 60 s delay was not cut");
    }

    [Fact]
    public async Task RunAsync_CrawlDelayOverriddenWithReason_NotAppliedAndTheReasonRecorded()
    {
        var (harness, site, summary) = await CrawlAsync(
            "User-agent: *\nCrawl-delay: 5\n", robotsOptions: new Configuration.RobotsOptions { CrawlDelay = false, OverrideReason = "our own test site" });
        await using var _ = harness;
        await using var __ = site;

        Assert.Equal(4, summary.Posts);
        Assert.Contains(Gaps(site), gap => gap < TimeSpan.FromSeconds(1));
        var run = await harness.Archive.Runs.GetAsync(summary.RunId, TestContext.Current.CancellationToken);
        Assert.Equal("Crawl-delay not obeyed: our own test site", run?.RobotsOverride);
    }
}
