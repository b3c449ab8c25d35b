using System.Collections.Concurrent;
using Collector.Crawler.Fetching;
using Collector.Crawler.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Collector.Crawler.Tests.Browser;

/// <summary>
/// A caller's token in browser mode (the Reddit API's bearer), in real Chromium on loopback: every request to the fetched
/// URL's origin carries it (document and script's fetch), an image from another origin does not, other extra headers go
/// everywhere, and the recorded exchanges never hold the token.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserOriginHeadersTests(BrowserFixture fixture)
{
    private const string Token = "bearer t0ken-0f-the-api";

    [Fact]
    public async Task FetchAsync_AuthorizationHeader_SentToItsOriginOnlyOtherHeadersEverywhere()
    {
        var elsewhere = new ConcurrentQueue<(string? Authorization, string? Trace)>();
        await using var other = await TestSite.StartAsync(async context =>
        {
            elsewhere.Enqueue((context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers["X-Trace"].FirstOrDefault()));
            context.Response.ContentType = "image/gif";
            await context.Response.Body.WriteAsync(Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"));
        });
        await using var site = await TestSite.StartAsync(async context =>
        {
            if (context.Request.Headers.Authorization != Token)
            {
                context.Response.StatusCode = 401;
                return;
            }

            if (context.Request.Path == "/api/post")
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"text\":\"from the api\"}");
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($$"""
                <!doctype html><html><body><p id="out">…</p><img id="pic" src="{{other.Url("pixel.gif").AbsoluteUri}}"><script>
                const pic = new Promise(done => { const i = document.getElementById('pic'); if (i.complete) done(); else { i.onload = done; i.onerror = done; } });
                Promise.all([fetch('/api/post').then(r => r.json()), pic])
                  .then(([post]) => { document.getElementById('out').textContent = post.text; document.body.insertAdjacentHTML('beforeend', '<i id="done"></i>'); });
                </script></body></html>
                """);
        });
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(
            new FetchRequest { Url = site.Url("page"), WaitFor = "#done", Screenshot = false, Headers = [new("Authorization", Token), new("X-Trace", "7")] },
            TestContext.Current.CancellationToken);

        Assert.Null(result.Error);
        Assert.Equal(200, result.Status);
        Assert.Contains("from the api", result.RenderedDom, StringComparison.Ordinal);
        Assert.Contains(site.Requests, r => r.Path == "/api/post");
        Assert.All(site.Requests, r => Assert.Equal(Token, r.Authorization));
        Assert.NotEmpty(elsewhere);
        Assert.All(elsewhere, r => Assert.Null(r.Authorization));
        Assert.All(elsewhere, r => Assert.Equal("7", r.Trace));
        var recorded = string.Join('\n', result.Exchanges.SelectMany(e => e.RequestHeaders.Concat(e.ResponseHeaders)).Select(h => $"{h.Key}: {h.Value}"));
        Assert.DoesNotContain("t0ken", recorded, StringComparison.Ordinal);
    }
}
