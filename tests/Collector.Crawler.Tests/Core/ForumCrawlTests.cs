using Collector.Crawler.Tests.Support;
using Collector.Model;
using Microsoft.AspNetCore.Http;

namespace Collector.Crawler.Tests.Core;

public sealed class ForumCrawlTests
{
    /// <summary>A forum of <paramref name="pages"/> listings of <paramref name="perPage"/> posts; <paramref name="post"/> may override any post.</summary>
    public static Func<HttpContext, Task> Forum(int pages, int perPage, Func<HttpContext, int, Task<bool>>? post = null, string? robots = null) => async context =>
    {
        var path = context.Request.Path.Value ?? "/";
        context.Response.ContentType = "text/html; charset=utf-8";
        if (path == "/robots.txt")
        {
            if (robots is null)
            {
                context.Response.StatusCode = 404;
                return;
            }

            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(robots);
            return;
        }

        if (path.StartsWith("/list/", StringComparison.Ordinal) && int.TryParse(path[6..], out var page) && page < pages)
        {
            await context.Response.WriteAsync(ForumPages.Listing(page, pages, perPage));
            return;
        }

        if (path.StartsWith("/post/", StringComparison.Ordinal) && int.TryParse(path[6..], out var id) && id >= 1 && id <= pages * perPage)
        {
            if (post is not null && await post(context, id))
            {
                return;
            }

            await context.Response.WriteAsync(ForumPages.Post(id));
            return;
        }

        context.Response.StatusCode = 404;
        await context.Response.WriteAsync("<html><body>Page not found</body></html>");
    };

    [Fact]
    public async Task RunAsync_Forum_EveryPlantedPostCollectedWithItsFields()
    {
        await using var site = await TestSite.StartAsync(Forum(3, 5));
        await using var harness = CrawlHarness.Create();

        var summary = await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link", "a[rel=next]"));

        Assert.Equal("succeeded", summary.Outcome);
        Assert.Equal(18, summary.Pages);
        Assert.Equal(15, summary.Posts);
        Assert.Equal(15, summary.PostsNew);
        var posts = (await harness.PostsAsync()).ToDictionary(p => p.Post.Id, p => p.Post);
        for (var id = 1; id <= 15; id++)
        {
            var post = posts[$"p{id}"];
            Assert.Equal(ForumPages.Title(id), post.Title);
            Assert.Equal(ForumPages.Author(id), post.Author?.Name);
            Assert.Equal(ForumPages.Published(id), post.PublishedAt);
        }

        var capture = (await harness.CapturesAsync()).First(c => c.RequestUrl.EndsWith("/post/3", StringComparison.Ordinal));
        Assert.Equal(new PostKey(Platforms.Generic, "p3"), capture.SubjectPost);
        Assert.Contains(capture.Artifacts, a => a.Kind == ArtifactKinds.Raw);
        var exchange = Assert.Single(capture.Exchanges);
        Assert.Contains(exchange.RequestHeaders, h => h.Key == "User-Agent" && h.Value.Contains("lab@example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SameJobAgainAfterItFinished_StartsAFreshCrawlThatSeesPostsUnchanged()
    {
        await using var site = await TestSite.StartAsync(Forum(1, 4));
        await using var harness = CrawlHarness.Create();
        var source = CrawlHarness.Source(site.Url("list/0"), "a.post-link");

        var first = await harness.CrawlAsync(source);
        var second = await harness.CrawlAsync(source);

        Assert.NotEqual(first.CrawlId, second.CrawlId);
        Assert.Equal(5, second.Pages);
        Assert.Equal(0, second.PostsNew);
        Assert.Equal(4, second.PostsUnchanged);
    }

    [Fact]
    public async Task RunAsync_OneAtATime_WalksTheListingAheadOfItsItems()
    {
        await using var site = await TestSite.StartAsync(Forum(3, 3));
        await using var harness = CrawlHarness.Create();

        var summary = await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link", "a[rel=next]").With(s => s.Concurrency = 1));

        Assert.Equal(12, summary.Pages);
        var pages = site.Requests.Select(r => r.Path).Where(p => p != "/robots.txt").ToList();
        Assert.Equal(["/list/0", "/list/1", "/list/2"], pages.Take(3));
        Assert.Equal(9, pages.Skip(3).Distinct().Count(p => p.StartsWith("/post/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_MaxPages_StopsThere()
    {
        await using var site = await TestSite.StartAsync(Forum(4, 5));
        await using var harness = CrawlHarness.Create();

        var summary = await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link", "a[rel=next]").With(s => s.MaxPages = 7));

        Assert.Equal(7, summary.Pages);
    }

    [Fact]
    public async Task RunAsync_RobotsDisallowsSomePosts_TheyAreNeverFetched()
    {
        await using var site = await TestSite.StartAsync(Forum(1, 5, robots: "User-agent: *\nDisallow: /post/2\nDisallow: /post/4\n\nUser-agent: otherbot\nDisallow: /\n"));
        await using var harness = CrawlHarness.Create();

        var summary = await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link"));

        Assert.Equal(0, site.Hits("/post/2"));
        Assert.Equal(0, site.Hits("/post/4"));
        Assert.Equal(1, site.Hits("/post/3"));
        Assert.Equal(1, site.Hits("/robots.txt"));
        Assert.Equal(2, summary.RobotsBlocked);
        Assert.Equal(3, summary.Posts);
    }

    [Fact]
    public async Task RunAsync_RobotsOverriddenWithReason_FetchesAndRecordsTheReasonWithTheRun()
    {
        await using var site = await TestSite.StartAsync(Forum(1, 2, robots: "User-agent: *\nDisallow: /\n"));
        await using var harness = CrawlHarness.Create();
        var source = CrawlHarness.Source(site.Url("list/0"), "a.post-link");
        source.Robots = new Configuration.RobotsOptions { Obey = false, OverrideReason = "our own test site" };

        var summary = await harness.CrawlAsync(source);

        Assert.Equal(2, summary.Posts);
        Assert.Equal(0, site.Hits("/robots.txt"));
        var run = await harness.Archive.Runs.GetAsync(summary.RunId);
        Assert.Equal("our own test site", run?.RobotsOverride);
    }

    [Fact]
    public async Task RunAsync_PacedHost_RateNeverExceededAtTheServer()
    {
        await using var site = await TestSite.StartAsync(Forum(1, 12));
        await using var harness = CrawlHarness.Create();
        const double rate = 8;

        await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link").With(s => s.Concurrency = 6), rate: rate);

        var times = site.Requests.Select(r => r.Ticks).Order().ToList();
        Assert.Equal(14, times.Count);
        // in every second (from any request on) at most rate+1 requests arrive; one extra for the network's jitter
        for (var i = 0; i < times.Count; i++)
        {
            var inWindow = times.Count(t => t >= times[i] && t < times[i] + System.Diagnostics.Stopwatch.Frequency);
            Assert.True(inWindow <= rate + 1, $"{inWindow} requests within one second from request {i}");
        }

        var span = (times[^1] - times[0]) / (double)System.Diagnostics.Stopwatch.Frequency;
        Assert.True(span >= (times.Count - 2) / rate, $"{times.Count} requests in {span:0.00} s is faster than {rate}/s");
    }
}
