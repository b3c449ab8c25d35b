using System.Diagnostics;
using Collector.Simulator.Faults;

namespace Collector.Simulator.Tests;

public sealed class FaultTests : IAsyncLifetime
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private SimulatedPlatforms _sim = null!;

    public async ValueTask InitializeAsync() => _sim = await SimulatedPlatforms.StartAsync(new SimulationOptions { Seed = 3, PostsPerCommunity = 5 });

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    private Uri Listing => _sim.Url(SimPlatform.Reddit, "/r/worldnews/new.json");

    [Fact]
    public async Task RateLimit_WithCount_Answers429WithRetryAfterThenRecovers()
    {
        _sim.Faults.RateLimit(SimPlatform.Reddit, TimeSpan.FromSeconds(3), count: 2);
        for (var i = 0; i < 2; i++)
        {
            using var limited = await _http.GetAsync(Listing, TestContext.Current.CancellationToken);
            Assert.Equal(429, (int)limited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter?.Delta);
        }

        Assert.Equal(200, await _http.StatusAsync(Listing));
        Assert.Equal([429, 429, 200], _sim.RequestLog.For(SimPlatform.Reddit).Select(r => r.Status));
    }

    /// <summary>
    /// A test that has seen a response must find its entry in the log: the entry is written before the first byte
    /// leaves, not after the handler's end (which raced the client's assertion).
    /// </summary>
    [Fact]
    public async Task RequestLog_ResponseHeadersJustSeen_EntryAlreadyThere()
    {
        var ct = TestContext.Current.CancellationToken;
        _sim.Faults.RateLimit(SimPlatform.Reddit, TimeSpan.FromSeconds(3), count: 5);
        for (var i = 1; i <= 40; i++)
        {
            using var response = await _http.GetAsync(Listing, HttpCompletionOption.ResponseHeadersRead, ct);
            var log = _sim.RequestLog.For(SimPlatform.Reddit);
            Assert.Equal(i, log.Count);
            Assert.Equal((int)response.StatusCode, log[^1].Status);
        }

        // a body still streaming when the headers arrive: its entry must be there already
        _sim.Faults.Add(new FaultRule { Kind = FaultKind.HugePage, Platform = SimPlatform.Reddit, Count = 1, Size = 64L * 1024 * 1024 });
        using (var streaming = await _http.GetAsync(Listing, HttpCompletionOption.ResponseHeadersRead, ct))
        {
            Assert.Equal(41, _sim.RequestLog.For(SimPlatform.Reddit).Count);
        }

        _sim.Faults.Set(FaultKind.ConnectionReset, SimPlatform.Reddit, count: 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync(Listing, ct));
        Assert.Equal(42, _sim.RequestLog.For(SimPlatform.Reddit).Count);
    }

    [Fact]
    public async Task Burst503_OnlyThatHost_ThenRecovers()
    {
        _sim.Faults.Burst503(SimPlatform.Reddit, 3);
        Assert.Equal(200, await _http.StatusAsync(_sim.Url(SimPlatform.Telegram, "/s/worldbrief")));
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await _http.StatusAsync(Listing));
        }

        Assert.Equal([503, 503, 503, 200], statuses);
    }

    [Fact]
    public async Task ConnectionReset_AbortsTheRequest()
    {
        _sim.Faults.Set(FaultKind.ConnectionReset, SimPlatform.Reddit, count: 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync(Listing, TestContext.Current.CancellationToken));
        Assert.Equal(200, await _http.StatusAsync(Listing));
        Assert.Equal(nameof(FaultKind.ConnectionReset), _sim.RequestLog.For(SimPlatform.Reddit)[0].Fault);
    }

    [Fact]
    public async Task LoginWallAndCaptcha_ReplaceTheContent()
    {
        _sim.Faults.Set(FaultKind.LoginWall, SimPlatform.Quora, count: 1);
        _sim.Faults.Add(new FaultRule { Kind = FaultKind.Captcha, Platform = SimPlatform.Pinterest, Count = 1, Status = 403 });
        var wall = Fetch.Html(await _http.TextAsync(_sim.Url(SimPlatform.Quora, "/topic/Politics")));
        Assert.NotNull(wall.QuerySelector("form#login-form input[type=password]"));
        using var captcha = await _http.GetAsync(_sim.Url(SimPlatform.Pinterest, "/pin/1/"), TestContext.Current.CancellationToken);
        Assert.Equal(403, (int)captcha.StatusCode);
        Assert.Contains("g-recaptcha", await captcha.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedirectLoop_NeverSettles()
    {
        _sim.Faults.Set(FaultKind.RedirectLoop, SimPlatform.Forum, pathPrefix: "/forum/");
        using var follow = new HttpClient(new SocketsHttpHandler { MaxAutomaticRedirections = 5 });
        using var response = await follow.GetAsync(_sim.Url(SimPlatform.Forum, "/forum/politics/"), TestContext.Current.CancellationToken);
        Assert.Equal(302, (int)response.StatusCode);
        Assert.True(_sim.RequestLog.For(SimPlatform.Forum).Count >= 5);
        Assert.Equal(200, await _http.StatusAsync(_sim.Url(SimPlatform.Forum, "/blog/")));
    }

    [Fact]
    public async Task HugePage_HasTheSize()
    {
        _sim.Faults.Add(new FaultRule { Kind = FaultKind.HugePage, Platform = SimPlatform.Forum, Size = 3_000_000, Count = 1 });
        var bytes = await _http.GetByteArrayAsync(_sim.Url(SimPlatform.Forum, "/"), TestContext.Current.CancellationToken);
        Assert.Equal(3_000_000, bytes.Length);
    }

    [Fact]
    public async Task HugePage_Chunked_NoContentLengthAndTheSize()
    {
        _sim.Faults.Add(new FaultRule { Kind = FaultKind.HugePage, Platform = SimPlatform.Forum, Size = 3_000_000, Count = 1, Chunked = true });
        using var response = await _http.GetAsync(_sim.Url(SimPlatform.Forum, "/"), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal(3_000_000, (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length);
    }

    [Fact]
    public async Task Gone_Answers410WithARemovalNotice()
    {
        _sim.Faults.Set(FaultKind.Gone, SimPlatform.Forum, pathPrefix: "/t/", count: 1);
        using var response = await _http.GetAsync(_sim.Url(SimPlatform.Forum, "/t/x.html"), TestContext.Current.CancellationToken);
        Assert.Equal(410, (int)response.StatusCode);
        Assert.Contains("no longer available", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(404, await _http.StatusAsync(_sim.Url(SimPlatform.Forum, "/t/x.html")));
    }

    [Fact]
    public async Task WrongCharset_DeclaresLatin1OverUtf8Bytes()
    {
        _sim.Faults.Set(FaultKind.WrongCharset, SimPlatform.Forum, count: 1);
        var blog = _sim.World.Posts.First(p => p.Platform == SimPlatform.Forum && p.Text.Contains('…', StringComparison.Ordinal) == false && p.Kind == Collector.Model.PostKinds.Article);
        using var response = await _http.GetAsync(_sim.Url(SimPlatform.Forum, Sites.Forum.ForumHtml.PostPath(blog)), TestContext.Current.CancellationToken);
        Assert.Equal("iso-8859-1", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var utf8 = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("<meta charset=\"iso-8859-1\">", utf8, StringComparison.Ordinal);
        Assert.Contains(blog.Title!, utf8, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_DelaysTheResponse()
    {
        _sim.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Platform = SimPlatform.Telegram, Delay = TimeSpan.FromMilliseconds(400), Count = 1 });
        var watch = Stopwatch.StartNew();
        Assert.Equal(200, await _http.StatusAsync(_sim.Url(SimPlatform.Telegram, "/s/worldbrief")));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(380), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Add_BadRule_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _sim.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit, Count = 0 }));
        Assert.Throws<ArgumentException>(() => new Admin.FaultRequest { Kind = FaultKind.Slow, Platform = "myspace" }.ToRule());
    }

    [Fact]
    public async Task Robots_NeverFaultedUnlessNamed()
    {
        _sim.Faults.Burst503(null, 5);
        Assert.Equal(200, await _http.StatusAsync(_sim.Url(SimPlatform.Reddit, "/robots.txt")));
        Assert.Equal(503, await _http.StatusAsync(Listing));
    }
}
