using Collector.Crawler.Tests.Support;
using Collector.Model;
using Microsoft.AspNetCore.Http;

namespace Collector.Crawler.Tests.Core;

/// <summary>Pages that are not posts get the outcome that says what they are: gone on purpose, or only navigation.</summary>
public sealed class OutcomeTests
{
    /// <summary>An index of links, each in its own paragraph, with a title: over 400 characters of "paragraph text", all of it links.</summary>
    private static string Index(int posts) =>
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Archive index</title><meta property=\"og:type\" content=\"article\"></head><body><h1>All posts</h1><div class=\"index\">"
        + string.Concat(Enumerable.Range(1, posts).Select(i => $"<p><a class=\"post-link\" href=\"/post/{i}\">{ForumPages.Title(i)}, and what people said about it</a></p>\n"))
        + "</div></body></html>";

    private static async Task<(CrawlHarness Harness, TestSite Site, Collector.Crawler.Core.CrawlSummary Summary)> CrawlAsync(Func<HttpContext, int, Task<bool>> post)
    {
        var forum = ForumCrawlTests.Forum(1, 12, post);
        var site = await TestSite.StartAsync(async context =>
        {
            if (context.Request.Path == "/index.html")
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Index(12));
                return;
            }

            await forum(context);
        });
        var harness = CrawlHarness.Create();
        var summary = await harness.CrawlAsync(CrawlHarness.Source(site.Url("index.html"), "a.post-link"));
        return (harness, site, summary);
    }

    private static async Task<Capture> CaptureAsync(CrawlHarness harness, string path) =>
        (await harness.CapturesAsync()).Single(c => new Uri(c.RequestUrl).AbsolutePath == path);

    [Fact]
    public async Task RunAsync_IndexOfLinksInParagraphs_EmptyNeverAPostAndItsLinksFollowed()
    {
        var (harness, site, summary) = await CrawlAsync((_, _) => Task.FromResult(false));
        await using var _ = harness;
        await using var __ = site;

        var index = await CaptureAsync(harness, "/index.html");
        Assert.Equal(PageOutcome.Empty, index.Outcome);
        Assert.Empty(index.Posts);
        Assert.Equal(12, summary.Posts);
        Assert.DoesNotContain(await harness.PostsAsync(), p => p.Post.Title == "Archive index");
    }

    [Fact]
    public async Task RunAsync_410GoneAndARemovalNoticeAs404_RemovedAPlain404NotFound()
    {
        var (harness, site, summary) = await CrawlAsync(async (context, id) =>
        {
            switch (id)
            {
                case 2:
                    context.Response.StatusCode = 410;
                    await context.Response.WriteAsync("<html><body><h1>Gone</h1></body></html>");
                    return true;
                case 3:
                    context.Response.StatusCode = 404;
                    await context.Response.WriteAsync("<html><body><h1>Sorry</h1><p>This post has been removed by the moderators.</p></body></html>");
                    return true;
                case 4:
                    context.Response.StatusCode = 404;
                    await context.Response.WriteAsync("<html><body>Page not found</body></html>");
                    return true;
                default:
                    return false;
            }
        });
        await using var _ = harness;
        await using var __ = site;

        var gone = await CaptureAsync(harness, "/post/2");
        Assert.Equal(PageOutcome.Removed, gone.Outcome);
        Assert.Equal("HTTP 410 Gone", gone.OutcomeReason);
        Assert.Equal(PageOutcome.Removed, (await CaptureAsync(harness, "/post/3")).Outcome);
        Assert.Equal(PageOutcome.NotFound, (await CaptureAsync(harness, "/post/4")).Outcome);
        Assert.Equal(2, summary.PagesByOutcome["removed"]);
        Assert.Equal(9, summary.Posts);
    }
}
