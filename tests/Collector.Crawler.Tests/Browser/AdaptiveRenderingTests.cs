using System.Net.Http.Headers;
using Collector.Crawler.Browser;
using Collector.Crawler.Fetching;
using Collector.Model;
using Collector.Parsers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Crawler.Tests.Browser;

/// <summary>
/// Adaptive rendering end to end against a real server and Chromium, in the order the crawl core calls the policy:
/// Choose, fetch, parse, ShouldRender, render. The server's request counts show which HTTP requests were skipped.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdaptiveRenderingTests(BrowserFixture fixture)
{
    private static readonly HttpClient Http = new();
    private readonly ParserRegistry _parsers = ParserRegistry.CreateDefault();

    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AutoMode_JavaScriptShells_RenderedOnceOverHttpThenStraightInBrowser()
    {
        await using var browser = fixture.CreateFetcher();
        var policy = new AdaptiveRenderPolicy(TimeProvider.System, NullLogger<AdaptiveRenderPolicy>.Instance);

        var first = await CrawlAsync(policy, browser.Fetcher, "/shell/a1");
        var second = await CrawlAsync(policy, browser.Fetcher, "/shell/b2");
        var third = await CrawlAsync(policy, browser.Fetcher, "/shell/c3");

        // the first shell: an HTTP request wasted, then the browser; the next ones: the browser only
        Assert.Equal(2, fixture.Site.Hits("/shell/a1"));
        Assert.Equal(1, fixture.Site.Hits("/shell/b2"));
        Assert.Equal(1, fixture.Site.Hits("/shell/c3"));
        Assert.All([first, second, third], r => Assert.True(r.Result.Rendered));
        Assert.Contains("Post b2 rendered from the API", second.Result.RenderedDom, StringComparison.Ordinal);
        Assert.All([first, second, third], r => Assert.False(r.Parsed.NeedsBrowser));
        Assert.Equal(RenderMode.Http, first.FirstMode);
        Assert.Equal(RenderMode.Browser, second.FirstMode);
    }

    [Fact]
    public async Task AutoMode_ServerRenderedPages_NeverRendered()
    {
        await using var browser = fixture.CreateFetcher();
        var policy = new AdaptiveRenderPolicy(TimeProvider.System, NullLogger<AdaptiveRenderPolicy>.Instance);

        var one = await CrawlAsync(policy, browser.Fetcher, "/static/31");
        var two = await CrawlAsync(policy, browser.Fetcher, "/static/32");

        Assert.False(one.Result.Rendered);
        Assert.False(two.Result.Rendered);
        Assert.Equal(1, fixture.Site.Hits("/static/31"));
        Assert.Equal(1, fixture.Site.Hits("/static/32"));
        Assert.Empty(policy.Decisions);
    }

    private async Task<(FetchResult Result, ParseResult Parsed, RenderMode FirstMode)> CrawlAsync(
        AdaptiveRenderPolicy policy, BrowserFetcher browser, string path)
    {
        var url = fixture.Site.Url(path);
        var mode = policy.Choose("site", url);
        var result = mode == RenderMode.Browser
            ? await browser.FetchAsync(new FetchRequest { Url = url, Screenshot = false }, Cancel)
            : await HttpGetAsync(url);
        var parsed = Parse(result);
        if (!result.Rendered && policy.ShouldRender("site", url, result, parsed))
        {
            result = await browser.FetchAsync(new FetchRequest { Url = url, Screenshot = false }, Cancel);
            parsed = Parse(result);
        }

        Assert.Null(result.Error);
        return (result, parsed, mode);
    }

    private ParseResult Parse(FetchResult result) => _parsers.Parse(new PageInput
    {
        Url = result.FinalUrl,
        Body = (result.Rendered ? result.RenderedDom : result.Text) ?? "",
        ContentType = result.ContentType,
        HttpStatus = result.Status,
        Rendered = result.Rendered,
    });

    private async Task<FetchResult> HttpGetAsync(Uri url)
    {
        using var response = await Http.GetAsync(url, Cancel);
        var body = await response.Content.ReadAsByteArrayAsync(Cancel);
        return new FetchResult
        {
            RequestUrl = url,
            FinalUrl = url,
            Status = (int)response.StatusCode,
            ContentType = response.Content.Headers.ContentType is MediaTypeHeaderValue type ? type.MediaType : null,
            Body = body,
            Text = System.Text.Encoding.UTF8.GetString(body),
        };
    }
}
