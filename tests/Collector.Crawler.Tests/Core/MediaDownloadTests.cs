using System.Text.Json;
using Collector.Crawler.Tests.Support;
using Collector.Model;
using Microsoft.AspNetCore.Http;

namespace Collector.Crawler.Tests.Core;

/// <summary>The images attached to posts become media artifacts: each content once, capped in size, videos off by default.</summary>
public sealed class MediaDownloadTests
{
    private static readonly byte[] Cartoon = [.. "\x89PNG\r\n\x1a\n"u8, .. Enumerable.Range(0, 2000).Select(i => (byte)(i * 7))];
    private static readonly byte[] Big = [.. "\x89PNG\r\n\x1a\n"u8, .. new byte[300_000]];

    /// <summary>Posts 1 and 2 carry the same cartoon under two URLs; post 3 a big image, a video and an "image" that is HTML.</summary>
    private static Func<HttpContext, Task> Site() => async context =>
    {
        var path = context.Request.Path.Value ?? "/";
        switch (path)
        {
            case "/list/0":
                await Html(context, "<ol>" + string.Concat(Enumerable.Range(1, 3).Select(i => $"<li><a class=\"post-link\" href=\"/post/{i}\">p{i}</a></li>")) + "</ol>");
                return;
            case "/post/1":
                await Html(context, Post(1, ("image", "/img/cartoon.png")));
                return;
            case "/post/2":
                await Html(context, Post(2, ("image", "/mirror/cartoon-copy.png")));
                return;
            case "/post/3":
                await Html(context, Post(3, ("image", "/img/big.png"), ("video", "/clip.mp4"), ("image", "/img/not-an-image.png")));
                return;
            case "/img/cartoon.png" or "/mirror/cartoon-copy.png":
                await Bytes(context, Cartoon, "image/png");
                return;
            case "/img/big.png":
                await Bytes(context, Big, "image/png");
                return;
            case "/clip.mp4":
                await Bytes(context, new byte[100], "video/mp4");
                return;
            case "/img/not-an-image.png":
                await Html(context, "<p>login first</p>");
                return;
            default:
                context.Response.StatusCode = 404;
                return;
        }
    };

    [Fact]
    public async Task Crawl_PostsWithImages_EachImageStoredOnceAsMediaAndCapsHonoured()
    {
        await using var site = await TestSite.StartAsync(Site());
        await using var harness = CrawlHarness.Create(o => o.MaxMediaBytes = 100_000);

        await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link"));

        var captures = await harness.CapturesAsync();
        var media = captures.SelectMany(c => c.Artifacts).Where(a => a.Kind == ArtifactKinds.Media).ToList();
        Assert.Equal(2, media.Count); // the cartoon, under each of its two URLs
        Assert.Single(media.Select(a => a.Sha256).Distinct()); // one content, stored once
        await using (var stored = await harness.Archive.Artifacts.OpenReadAsync(media[0].Sha256, TestContext.Current.CancellationToken))
        {
            using var bytes = new MemoryStream();
            await stored!.CopyToAsync(bytes, TestContext.Current.CancellationToken);
            Assert.Equal(Cartoon, bytes.ToArray());
        }

        Assert.Equal(0, site.Hits("/clip.mp4")); // video is off by default
        Assert.Equal(1, site.Hits("/img/big.png")); // fetched, but over the cap: not stored
        Assert.Equal(1, site.Hits("/img/not-an-image.png")); // fetched, not an image: not stored
        Assert.DoesNotContain(media, a => a.Url is not null && a.Url.Contains("big", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crawl_MediaDownloadOff_NoImageRequested()
    {
        await using var site = await TestSite.StartAsync(Site());
        await using var harness = CrawlHarness.Create(o => o.DownloadMedia = false);

        await harness.CrawlAsync(CrawlHarness.Source(site.Url("list/0"), "a.post-link"));

        Assert.DoesNotContain(site.Requests, r => r.Path.StartsWith("/img/", StringComparison.Ordinal));
        Assert.Equal(3, (await harness.PostsAsync()).Count);
    }

    private static string Post(int id, params (string Key, string Url)[] media)
    {
        var ld = new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "SocialMediaPosting",
            ["identifier"] = $"p{id}",
            ["url"] = $"/post/{id}",
            ["headline"] = $"Post {id}",
            ["text"] = $"Body of post {id}, with a picture worth sharing.",
            ["datePublished"] = "2026-11-01T10:00:00Z",
            ["author"] = new Dictionary<string, object> { ["@type"] = "Person", ["name"] = "ann" },
        };
        foreach (var group in media.GroupBy(m => m.Key))
        {
            ld[group.Key] = group.Select(m => m.Url).ToArray();
        }

        return $"<script type=\"application/ld+json\">{JsonSerializer.Serialize(ld)}</script><h1>Post {id}</h1>";
    }

    private static Task Html(HttpContext context, string body)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"<!doctype html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>{body}</body></html>");
    }

    private static Task Bytes(HttpContext context, byte[] body, string type)
    {
        context.Response.ContentType = type;
        return context.Response.Body.WriteAsync(body).AsTask();
    }
}
