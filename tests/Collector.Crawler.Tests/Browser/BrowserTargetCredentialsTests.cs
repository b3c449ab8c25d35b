using System.Collections.Concurrent;
using System.Text;
using Collector.Crawler.Fetching;
using Collector.Crawler.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Collector.Crawler.Tests.Browser;

/// <summary>
/// Credentials from a target URL in browser mode, in real Chromium on loopback: the page behind HTTP Basic renders, every
/// request to its host:port (document and script's fetch) carries them, a request to another port of the same address
/// does not, and the recorded exchanges hold the header's name only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserTargetCredentialsTests(BrowserFixture fixture)
{
    private static readonly string Expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("researcher:s3cret@pw"));

    [Fact]
    public async Task FetchAsync_TargetCredentials_SentToItsHostAndPortOnlyAndRedacted()
    {
        var elsewhere = new ConcurrentQueue<string?>();
        await using var other = await TestSite.StartAsync(async context =>
        {
            elsewhere.Enqueue(context.Request.Headers.Authorization.FirstOrDefault());
            context.Response.Headers.AccessControlAllowOrigin = "*";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"other\":true}");
        });
        await using var site = await TestSite.StartAsync(async context =>
        {
            if (context.Request.Headers.Authorization != Expected)
            {
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"lab\"";
                return;
            }

            if (context.Request.Path == "/api/post")
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"text\":\"behind the login\"}");
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($$"""
                <!doctype html><html><body><p id="out">…</p><script>
                Promise.all([fetch('/api/post').then(r => r.json()), fetch('{{other.Url("x").AbsoluteUri}}').then(r => r.json())])
                  .then(([post]) => { document.getElementById('out').textContent = post.text; document.body.insertAdjacentHTML('beforeend', '<i id="done"></i>'); });
                </script></body></html>
                """);
        });
        await using var browser = fixture.CreateFetcher();
        var url = site.Url("page");

        var result = await browser.Fetcher.FetchAsync(
            new FetchRequest { Url = url, WaitFor = "#done", Screenshot = false, Credentials = new(url.Authority, Expected) },
            TestContext.Current.CancellationToken);

        Assert.Null(result.Error);
        Assert.Equal(200, result.Status);
        Assert.Contains("behind the login", result.RenderedDom, StringComparison.Ordinal);
        Assert.All(site.Requests, r => Assert.Equal(Expected, r.Authorization));
        Assert.Contains(site.Requests, r => r.Path == "/api/post");
        Assert.All(elsewhere, Assert.Null);
        Assert.NotEmpty(elsewhere);
        var recorded = string.Join('\n', result.Exchanges.SelectMany(e => e.RequestHeaders.Concat(e.ResponseHeaders)).Select(h => $"{h.Key}: {h.Value}"));
        Assert.DoesNotContain(Expected[6..], recorded, StringComparison.Ordinal);
    }
}
