using Collector.Crawler.Core;
using Collector.Crawler.Fetching;
using Collector.Crawler.Tests.Support;
using Collector.Model;
using Collector.Parsers;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Crawler.Tests.Core;

/// <summary>
/// A page whose processing throws (a bug, an archive error) goes back in the queue or is given up; the crawl never waits
/// out its lease. The leases here last an hour, so a crawl that waited for one would run into the guard timeout instead.
/// </summary>
public sealed class CrashedPageTests
{
    /// <summary>Throws for pages whose path ends with <paramref name="path"/>, the first <paramref name="times"/> times asked.</summary>
    private sealed class ThrowingPolicy(string path, int times) : IRenderPolicy
    {
        private int _thrown;

        public int Thrown => Volatile.Read(ref _thrown);

        public RenderMode Choose(string sourceKey, Uri url) =>
            url.AbsolutePath.EndsWith(path, StringComparison.Ordinal) && Interlocked.Increment(ref _thrown) <= times
                ? throw new InvalidOperationException("a bug on this page")
                : RenderMode.Http;

        public bool ShouldRender(string sourceKey, Uri url, FetchResult httpResult, ParseResult parsed) => false;
    }

    private static async Task<(CrawlSummary Summary, int Posts, ThrowingPolicy Policy)> CrawlAsync(int times)
    {
        await using var site = await TestSite.StartAsync(ForumCrawlTests.Forum(1, 3));
        var policy = new ThrowingPolicy("/post/2", times);
        await using var harness = CrawlHarness.Create(services: s => s.AddSingleton<IRenderPolicy>(policy));
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(60));
        var source = CrawlHarness.Source(site.Url("list/0"), "a.post-link");
        source.Render = RenderMode.Auto;

        var summary = await harness.CrawlAsync(source, adjust: job => job with { LeaseDuration = TimeSpan.FromHours(1) }, cancellationToken: guard.Token);

        return (summary, (await harness.PostsAsync()).Count, policy);
    }

    [Fact]
    public async Task RunAsync_PageThrowsOnce_TriedAgainAndTheCrawlEnds()
    {
        var (summary, posts, policy) = await CrawlAsync(times: 1);

        Assert.Equal("succeeded", summary.Outcome);
        Assert.Equal(3, posts);
        Assert.Equal(2, policy.Thrown);
        Assert.Contains(summary.Errors, e => e.Contains("a bug on this page", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PageThrowsEveryTime_GivenUpAsFailedAfterItsAttempts()
    {
        var (summary, posts, policy) = await CrawlAsync(times: int.MaxValue);

        Assert.Equal("partial", summary.Outcome);
        Assert.Equal(2, posts);
        Assert.Equal(1, summary.Failed);
        Assert.Equal(3, policy.Thrown);
        Assert.Equal(0, summary.Remaining);
    }
}
