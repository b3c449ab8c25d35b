using Collector.Configuration;
using Collector.Crawler.Browser;
using Collector.Crawler.Fetching;
using Collector.Crawler.Safety;
using Collector.Crawler.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Crawler.Tests.Browser;

/// <summary>
/// A rendered page's own requests (img, iframe, script, fetch) into an internal server: on loopback, the page on
/// 127.0.0.1:P1 (the exempt target) and the internal server on 127.0.0.1:P2.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserAddressGuardTests(BrowserFixture fixture)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Page(Uri inside) => $$"""
        <!doctype html><html><head><title>seed</title><script src="{{inside}}tracker.js"></script></head>
        <body><p>the seed page</p><img src="{{inside}}pixel.png"><iframe src="{{inside}}frame"></iframe>
        <script>
          fetch('{{inside}}api').catch(() => {}).finally(() => document.body.insertAdjacentHTML('beforeend', '<p id="done">done</p>'));
        </script></body></html>
        """;

    [Fact]
    public async Task FetchAsync_PageRequestsInternalAddresses_EveryOneBlockedAndCountedPageStillCaptured()
    {
        await using var inside = await TestSite.StartAsync(context => context.Response.WriteAsync("internal"));
        await using var seed = await TestSite.StartAsync(context =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(Page(inside.Root));
        });
        var request = new FetchRequest { Url = seed.Url("page"), WaitFor = "#done", Screenshot = false };

        // without the guard the page reaches the internal server (what the browser did before)
        await using (var unguarded = fixture.CreateFetcher())
        {
            await unguarded.Fetcher.FetchAsync(request, Cancel);
        }

        Assert.NotEmpty(inside.Requests);
        var before = inside.Requests.Count;
        var connect = new ConnectGuard(new CrawlerOptions(), new HostResolver());
        using var exemption = connect.Exempt([seed.Root]);
        var guard = new RouteGuard(connect, TimeProvider.System, NullLogger<RouteGuard>.Instance);
        await using var guarded = TestFetcher.Create(fixture.Host, BrowserFixture.Options(), guard);

        var result = await guarded.Fetcher.FetchAsync(request, Cancel);

        Assert.Null(result.Error);
        Assert.Contains("the seed page", result.RenderedDom, StringComparison.Ordinal);
        Assert.Equal(before, inside.Requests.Count);
        Assert.True(guard.BlockedCount >= 4, $"{guard.BlockedCount} requests blocked (script, image, frame, fetch)");
    }
}
