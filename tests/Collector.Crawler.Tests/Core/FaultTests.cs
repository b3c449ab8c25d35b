using System.Collections.Concurrent;
using System.Text;
using Collector.Crawler.Tests.Support;
using Collector.Model;
using Microsoft.AspNetCore.Http;

namespace Collector.Crawler.Tests.Core;

/// <summary>Each fault a real site throws at a crawler, survived with the right outcome and nothing lost.</summary>
public sealed class FaultTests
{
    private static async Task<(Collector.Crawler.Core.CrawlSummary Summary, CrawlHarness Harness, TestSite Site)> CrawlForumAsync(
        int posts, Func<HttpContext, int, Task<bool>> fault, Action<Configuration.CrawlerOptions>? configure = null)
    {
        var site = await TestSite.StartAsync(ForumCrawlTests.Forum(1, posts, fault));
        var harness = CrawlHarness.Create(configure);
        var summary = await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link").With(s => s.Concurrency = harness.Options.MaxConcurrency));
        return (summary, harness, site);
    }

    private static async Task<Capture> CaptureOfAsync(CrawlHarness harness, int post) =>
        (await harness.CapturesAsync()).Single(c => c.RequestUrl.EndsWith($"/post/{post}", StringComparison.Ordinal));

    [Fact]
    public async Task RunAsync_429WithRetryAfter_WaitsAsToldThenCollects()
    {
        var hits = new ConcurrentDictionary<int, int>();
        var at = new ConcurrentBag<long>();
        var (summary, harness, site) = await CrawlForumAsync(4, async (context, id) =>
        {
            if (id != 2)
            {
                return false;
            }

            at.Add(System.Diagnostics.Stopwatch.GetTimestamp());
            if (hits.AddOrUpdate(id, 1, (_, n) => n + 1) > 2)
            {
                return false;
            }

            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync("Too Many Requests");
            return true;
        });
        await using var _ = harness;
        await using var __ = site;

        Assert.Equal(4, summary.Posts);
        Assert.Equal(3, site.Hits("/post/2"));
        var times = at.Order().ToList();
        Assert.True(times[1] - times[0] >= System.Diagnostics.Stopwatch.Frequency * 0.95, "Retry-After: 1 was not honoured");
        Assert.Equal(PageOutcome.Content, (await CaptureOfAsync(harness, 2)).Outcome);
    }

    [Fact]
    public async Task RunAsync_BurstOf503_RetriedUntilContent()
    {
        var count = 0;
        var (summary, harness, site) = await CrawlForumAsync(5, async (context, id) =>
        {
            if (Interlocked.Increment(ref count) > 4)
            {
                return false;
            }

            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("Service Unavailable");
            return true;
        });
        await using var _ = harness;
        await using var __ = site;

        Assert.Equal(5, summary.Posts);
        Assert.Equal(0, summary.Failed);
        Assert.All(await harness.CapturesAsync(), c => Assert.True(c.Outcome.IsContent()));
    }

    [Fact]
    public async Task RunAsync_ConnectionResetAndSlowResponses_Survived()
    {
        var resets = 0;
        var (summary, harness, site) = await CrawlForumAsync(4, async (context, id) =>
        {
            if (id == 1 && Interlocked.Increment(ref resets) <= 2)
            {
                context.Abort();
                return true;
            }

            if (id == 3)
            {
                await Task.Delay(1500, context.RequestAborted);
            }

            return false;
        });
        await using var _ = harness;
        await using var __ = site;

        Assert.Equal(4, summary.Posts);
        Assert.Equal(3, site.Hits("/post/1"));
    }

    [Fact]
    public async Task RunAsync_TooSlowForTheTimeout_RecordedFailedOthersCollected()
    {
        var (summary, harness, site) = await CrawlForumAsync(3, async (context, id) =>
        {
            if (id == 2)
            {
                await Task.Delay(3000, context.RequestAborted);
            }

            return false;
        }, o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 1;
        });
        await using var _ = harness;
        await using var __ = site;

        Assert.Equal(2, summary.Posts);
        var capture = await CaptureOfAsync(harness, 2);
        Assert.Equal(PageOutcome.Failed, capture.Outcome);
        Assert.False(string.IsNullOrEmpty(capture.OutcomeReason));
    }

    [Fact]
    public async Task RunAsync_LoginWallAndCaptcha_ClassifiedAndNeverStoredAsContent()
    {
        var (summary, harness, site) = await CrawlForumAsync(4, async (context, id) =>
        {
            switch (id)
            {
                case 2:
                    await context.Response.WriteAsync("<html><body><form id=\"login_form\"><p>You must log in to continue</p><input type=password></form></body></html>");
                    return true;
                case 3:
                    await context.Response.WriteAsync("<html><body><div class=\"g-recaptcha\"></div><p>Please verify you are a human</p></body></html>");
                    return true;
                default:
                    return false;
            }
        });
        await using var _ = harness;
        await using var __ = site;

        Assert.Equal(2, summary.Posts);
        var login = await CaptureOfAsync(harness, 2);
        var captcha = await CaptureOfAsync(harness, 3);
        Assert.Equal(PageOutcome.LoginWall, login.Outcome);
        Assert.Equal(PageOutcome.Captcha, captcha.Outcome);
        Assert.Empty(login.Posts);
        Assert.Empty(captcha.Posts);
        Assert.Equal(1, summary.PagesByOutcome["login-wall"]);
        Assert.Equal(1, summary.PagesByOutcome["captcha"]);
    }

    [Fact]
    public async Task RunAsync_LoginWallsInARow_SourcePausedAndReportedLoggedOut()
    {
        var (summary, harness, site) = await CrawlForumAsync(8, async (context, id) =>
        {
            await context.Response.WriteAsync("<html><body><p>Please log in to see this post</p><form id=\"login_form\"></form></body></html>");
            return true;
        }, o => o.MaxConcurrency = 1);
        await using var _ = harness;
        await using var __ = site;

        Assert.True(summary.LoggedOut);
        Assert.NotNull(summary.StoppedBecause);
        Assert.Equal(0, summary.Posts);
        Assert.True(summary.Remaining > 0, "the rest of the queue is kept for when the session is renewed");
    }

    [Fact]
    public async Task RunAsync_RedirectLoopAndHugePage_FailedWithTheirReasons()
    {
        var (summary, harness, site) = await CrawlForumAsync(4, async (context, id) =>
        {
            switch (id)
            {
                case 1:
                    context.Response.Redirect("/post/1?loop=" + (context.Request.Query["loop"] == "a" ? "b" : "a"));
                    return true;
                case 2:
                    context.Response.ContentType = "text/html";
                    var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
                    for (var i = 0; i < 40; i++)
                    {
                        await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    }

                    return true;
                default:
                    return false;
            }
        }, o => o.MaxBodyBytes = 1024 * 1024);
        await using var _ = harness;
        await using var __ = site;

        Assert.Equal(2, summary.Posts);
        var loop = await CaptureOfAsync(harness, 1);
        Assert.Equal(PageOutcome.Failed, loop.Outcome);
        Assert.Contains("redirect loop", loop.OutcomeReason, StringComparison.Ordinal);
        Assert.True(loop.Exchanges.Count >= 2, "each redirect hop is recorded");
        var huge = await CaptureOfAsync(harness, 2);
        Assert.Equal(PageOutcome.Failed, huge.Outcome);
        Assert.Contains("cap", huge.OutcomeReason, StringComparison.Ordinal);
        Assert.True(site.Hits("/post/2") == 1, "a page over the cap is not retried");
    }

    [Fact]
    public async Task RunAsync_WrongCharsetLegacyPage_DecodedFromItsMeta()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var (summary, harness, site) = await CrawlForumAsync(2, async (context, id) =>
        {
            if (id != 2)
            {
                return false;
            }

            var html = ForumPages.Post(2).Replace("utf-8", "windows-1251", StringComparison.Ordinal).Replace(ForumPages.Title(2), "Пост о гавани", StringComparison.Ordinal);
            context.Response.ContentType = "text/html";
            await context.Response.Body.WriteAsync(Encoding.GetEncoding("windows-1251").GetBytes(html), context.RequestAborted);
            return true;
        });
        await using var _ = harness;
        await using var __ = site;

        Assert.Equal(2, summary.Posts);
        var post = (await harness.PostsAsync()).Single(p => p.Post.Id == "p2").Post;
        Assert.Equal("Пост о гавани", post.Title);
    }

    [Fact]
    public async Task RunAsync_PostPageGone_NotFoundCaptureTombstonesNothingElseLost()
    {
        var (summary, harness, site) = await CrawlForumAsync(3, async (context, id) =>
        {
            if (id != 3)
            {
                return false;
            }

            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("<html><body>Page not found</body></html>");
            return true;
        });
        await using var _ = harness;
        await using var __ = site;

        Assert.Equal(2, summary.Posts);
        Assert.Equal(PageOutcome.NotFound, (await CaptureOfAsync(harness, 3)).Outcome);
        Assert.Equal(1, summary.PagesByOutcome["not-found"]);
    }

    [Fact]
    public async Task RunAsync_ServerErrorThatNeverHeals_FailedAfterRetriesOthersCollected()
    {
        var (summary, harness, site) = await CrawlForumAsync(3, async (context, id) =>
        {
            if (id != 1)
            {
                return false;
            }

            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("boom");
            return true;
        }, o => o.MaxRetries = 1);
        await using var _ = harness;
        await using var __ = site;

        Assert.Equal(2, summary.Posts);
        Assert.Equal(1, summary.Failed);
        Assert.Equal("partial", summary.Outcome);
        Assert.Equal(6, site.Hits("/post/1"));
    }
}
