using System.Text;
using Collector.Crawler.Browser;
using Collector.Crawler.Fetching;

namespace Collector.Crawler.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class BrowserFetcherTests(BrowserFixture fixture)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_ScriptInsertedContent_IsInRenderedDomNotInBody()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/js"), WaitFor = "article.post" }, Cancel);

        Assert.Null(result.Error);
        Assert.True(result.Rendered);
        Assert.Equal(200, result.Status);
        Assert.Contains("Inserted by script: Post js1 rendered from the API", result.RenderedDom, StringComparison.Ordinal);
        Assert.DoesNotContain("Inserted by script: Post", result.Text, StringComparison.Ordinal);
        Assert.Contains("Loading…", Encoding.UTF8.GetString(result.Body.Span), StringComparison.Ordinal);
        Assert.Equal("text/html", result.ContentType);
    }

    [Fact]
    public async Task FetchAsync_PageFetchesJson_JsonResponseCapturedWithBodyAndExchanges()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/js"), WaitFor = "article.post" }, Cancel);

        var json = Assert.Single(result.Network);
        Assert.EndsWith("/api/post/js1", json.Url, StringComparison.Ordinal);
        Assert.Equal(200, json.Status);
        Assert.Equal("application/json", json.ContentType);
        Assert.Contains("\"id\":\"js1\"", Encoding.UTF8.GetString(json.Body.Span), StringComparison.Ordinal);
        Assert.Contains(json.Headers, h => h.Key == "content-type");

        // the main document first, then what the page loaded; bodies referenced by hash where kept
        Assert.True(result.Exchanges.Count >= 2);
        Assert.Equal(fixture.Site.Url("/js").AbsoluteUri, result.Exchanges[0].Url);
        Assert.Equal(NetworkRecorder.Sha256(result.Body.Span), result.Exchanges[0].BodySha256);
        var api = Assert.Single(result.Exchanges, e => e.Url.EndsWith("/api/post/js1", StringComparison.Ordinal));
        Assert.Equal(NetworkRecorder.Sha256(json.Body.Span), api.BodySha256);
    }

    [Fact]
    public async Task FetchAsync_Default_ScreenshotIsValidPng()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/static/1") }, Cancel);

        Assert.NotNull(result.Screenshot);
        var png = result.Screenshot.Value.ToArray();
        Assert.True(png.Length > 100);
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
    }

    [Theory]
    [InlineData(ScreenshotScope.FullPage)]
    [InlineData(ScreenshotScope.Viewport)]
    public async Task FetchAsync_TallPage_ScreenshotCoversWhatTheScopeSays(ScreenshotScope scope)
    {
        await using var browser = fixture.CreateFetcher(o => o.ScreenshotScope = scope);

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/tall") }, Cancel);

        var png = result.Screenshot!.Value.ToArray();
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        Assert.Equal(scope == ScreenshotScope.FullPage ? 4000 : BrowserFixture.Options().ViewportHeight, height);
    }

    [Fact]
    public async Task FetchAsync_PageTallerThanTheScreenshotCap_ScreenshotCutAtTheCapDomWhole()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/very-tall") }, Cancel);

        Assert.Null(result.Error);
        var png = result.Screenshot!.Value.ToArray();
        Assert.Equal(PageScreenshot.MaxHeight, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.Contains("the end of a very tall page", result.RenderedDom, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfig_FullPageScreenshotsOff_ViewportScope()
    {
        var crawler = new Configuration.CrawlerOptions();
        Assert.Equal(ScreenshotScope.FullPage, BrowserFetcherOptions.FromConfig(crawler).ScreenshotScope);

        crawler.Browser.FullPageScreenshots = false;
        Assert.Equal(ScreenshotScope.Viewport, BrowserFetcherOptions.FromConfig(crawler).ScreenshotScope);
    }

    [Fact]
    public async Task FetchAsync_ScreenshotNotRequested_NoScreenshot()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/static/2"), Screenshot = false }, Cancel);

        Assert.Null(result.Screenshot);
        Assert.Contains("Static page 2", result.RenderedDom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_FontsAndMediaBlockedByDefault_NeverReachServerButImagesDo()
    {
        await using var browser = fixture.CreateFetcher();
        var fonts = fixture.Site.Hits("/font.woff2");
        var clips = fixture.Site.Hits("/clip.mp4");
        var pixels = fixture.Site.Hits("/pixel.png");

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/assets"), WaitFor = "load" }, Cancel);

        Assert.Null(result.Error);
        Assert.Equal(fonts, fixture.Site.Hits("/font.woff2"));
        Assert.Equal(clips, fixture.Site.Hits("/clip.mp4"));
        Assert.True(fixture.Site.Hits("/pixel.png") > pixels);
        Assert.True(browser.Pool.Statistics.RequestsBlocked >= 2);
    }

    [Fact]
    public async Task FetchAsync_StylesheetAndScript_KeptAsSubresourcesWithTheirBytes()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/assets"), WaitFor = "load" }, Cancel);

        Assert.Null(result.Error);
        var css = Assert.Single(result.Subresources, r => r.Url.EndsWith("/site.css", StringComparison.Ordinal));
        Assert.Equal("text/css", css.ContentType);
        Assert.Equal(BrowserTestPages.Stylesheet, System.Text.Encoding.UTF8.GetString(css.Body.Span));
        var js = Assert.Single(result.Subresources, r => r.Url.EndsWith("/site.js", StringComparison.Ordinal));
        Assert.Equal(BrowserTestPages.Script, System.Text.Encoding.UTF8.GetString(js.Body.Span));
        Assert.DoesNotContain(result.Images, r => r.Url.EndsWith(".css", StringComparison.Ordinal) || r.Url.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(result.Images, r => r.Url.EndsWith("/pixel.png", StringComparison.Ordinal));
        Assert.Contains("data-scripted=\"yes\"", result.RenderedDom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_NothingBlocked_FontIsFetched()
    {
        await using var browser = fixture.CreateFetcher(o => o.BlockResources = []);
        var fonts = fixture.Site.Hits("/font.woff2");

        await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/assets"), WaitFor = "load" }, Cancel);

        Assert.True(fixture.Site.Hits("/font.woff2") > fonts);
    }

    [Fact]
    public async Task FetchAsync_AlertConfirmPromptPopupAndBeforeUnload_DismissedAndNextPageOnSameTabWorks()
    {
        await using var browser = fixture.CreateFetcher(o => o.MaxConcurrentPages = 1);

        var dialogs = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/dialogs"), WaitFor = "article[data-rendered]" }, Cancel);
        var next = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/static/3") }, Cancel);

        Assert.Null(dialogs.Error);
        Assert.Contains("after dialogs false null", dialogs.RenderedDom, StringComparison.Ordinal);
        Assert.Null(next.Error);
        Assert.Contains("Static page 3", next.RenderedDom, StringComparison.Ordinal);
        Assert.Equal(1, browser.Pool.Statistics.PagesOpened);
    }

    [Fact]
    public async Task FetchAsync_Download_RefusedAsGiveUp()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/download") }, Cancel);

        Assert.NotNull(result.Error);
        Assert.Equal(FetchErrorAction.GiveUp, result.Error.Action);
    }

    [Fact]
    public async Task FetchAsync_ScriptThatNeverArrives_CapturedOnceFromItsResponseAndNextPageWorks()
    {
        await using var browser = fixture.CreateFetcher(o => o.NavigationTimeout = TimeSpan.FromSeconds(3));
        var before = fixture.Site.Hits("/hang-resource");

        var hung = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/hang-resource") }, Cancel);
        var next = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/js"), WaitFor = "article.post" }, Cancel);

        // the document arrived and its script hangs: captured from the response, not an error to load it again for
        Assert.Null(hung.Error);
        Assert.Equal(200, hung.Status);
        Assert.Null(hung.RenderedDom);
        Assert.Contains("<p>before</p>", hung.Text, StringComparison.Ordinal);
        Assert.Equal(NetworkRecorder.Sha256(hung.Body.Span), hung.Exchanges[0].BodySha256);
        Assert.Equal(1, fixture.Site.Hits("/hang-resource") - before);
        Assert.Null(next.Error);
        Assert.Contains("Inserted by script", next.RenderedDom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_ScriptThatNeverReturns_GivenUpNotRetriedAndNextPageWorks()
    {
        await using var browser = fixture.CreateFetcher(o => o.NavigationTimeout = TimeSpan.FromSeconds(3));

        var hung = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/hang") }, Cancel);
        var next = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/js"), WaitFor = "article.post" }, Cancel);

        // the renderer is stuck in the page's script: loading it again would hang again
        Assert.NotNull(hung.Error);
        Assert.Equal(FetchErrorAction.GiveUp, hung.Error.Action);
        Assert.Contains("hung", hung.Error.Message, StringComparison.Ordinal);
        Assert.Null(next.Error);
    }

    [Fact]
    public async Task FetchAsync_429WithRetryAfter_RetryErrorCarriesDelay()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/busy"), WaitFor = "article" }, Cancel);

        Assert.Equal(429, result.Status);
        Assert.NotNull(result.Error);
        Assert.Equal(FetchErrorAction.Retry, result.Error.Action);
        Assert.Equal(TimeSpan.FromSeconds(7), result.Error.RetryAfter);
    }

    [Fact]
    public async Task FetchAsync_Redirect_FinalUrlAndBothHopsRecorded()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/redirect"), WaitFor = "article.post" }, Cancel);

        Assert.Null(result.Error);
        Assert.Equal(fixture.Site.Url("/js"), result.FinalUrl);
        Assert.Equal(302, result.Exchanges[0].Status);
        Assert.Equal(fixture.Site.Url("/js").AbsoluteUri, result.Exchanges[1].Url);
    }

    [Fact]
    public async Task FetchAsync_SelectorThatNeverAppears_PageTakenOnceQuietNotAtTimeout()
    {
        await using var browser = fixture.CreateFetcher(o => o.NavigationTimeout = TimeSpan.FromSeconds(90));
        var started = TimeProvider.System.GetTimestamp();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/static/4"), WaitFor = "article[data-rendered=\"1\"]" }, Cancel);

        Assert.Null(result.Error);
        Assert.Contains("Static page 4", result.RenderedDom, StringComparison.Ordinal);
        Assert.Equal(1, browser.Fetcher.WaitResults[WaitResult.Quiet]);
        Assert.Equal(0, browser.Fetcher.WaitResults[WaitResult.Cap]);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(40), "a page without the selector must not wait for the whole timeout");
    }

    [Fact]
    public async Task FetchAsync_ScriptFreePageLoadingAfterTheSelectorWaitBegan_TakenAtLoadWithoutAQuietPeriod()
    {
        // A quiet period a minute long, against an image one second late: waiting it out after the load event would take
        // the minute, while the page taken at load comes in seconds even when the machine is loaded (CI runs every suite
        // at once, and Chromium's start alone has taken several seconds there).
        await using var browser = fixture.CreateFetcher(o =>
        {
            o.NavigationTimeout = TimeSpan.FromSeconds(90);
            o.QuietPeriod = TimeSpan.FromSeconds(60);
        });
        var started = TimeProvider.System.GetTimestamp();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest { Url = fixture.Site.Url("/slow-load"), WaitFor = "article[data-rendered=\"1\"]", Screenshot = false }, Cancel);

        Assert.Null(result.Error);
        Assert.Contains("A page without script", result.RenderedDom, StringComparison.Ordinal);
        Assert.Equal(1, browser.Fetcher.WaitResults[WaitResult.Quiet]);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(40), "a page that no script can change is taken once loaded, not after a quiet period");
    }

    [Fact]
    public async Task FetchAsync_SecretRequestHeaders_SentButNeverRecorded()
    {
        await using var browser = fixture.CreateFetcher();

        var result = await browser.Fetcher.FetchAsync(new FetchRequest
        {
            Url = fixture.Site.Url("/static/5"),
            Headers = [new("X-Api-Token", "s3cret"), new("Authorization", "bearer s3cret")],
        }, Cancel);

        Assert.Null(result.Error);
        Assert.Equal("s3cret", fixture.Site.Token("/static/5"));
        Assert.DoesNotContain(result.Exchanges.SelectMany(e => e.RequestHeaders.Concat(e.ResponseHeaders)), h => h.Value.Contains("s3cret", StringComparison.Ordinal));
    }
}
