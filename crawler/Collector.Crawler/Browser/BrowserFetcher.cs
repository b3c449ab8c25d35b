using System.Text;
using Collector.Crawler.Fetching;
using Collector.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>
/// Renders pages in the shared Chromium: navigates a pooled tab, waits as the source asks, scrolls infinite feeds, then
/// keeps the rendered DOM, a PNG screenshot, the main document's bytes, every response the page loaded (as exchanges)
/// and the JSON ones with their bodies. A tab that hangs is closed and the request retried; a crashed browser is
/// relaunched on the next request.
/// </summary>
public sealed class BrowserFetcher : IFetcher, IWarmUp, IDisposable
{
    /// <summary>Time allowed after the waits for reading the DOM, the screenshot and the bodies.</summary>
    private static readonly TimeSpan CaptureAllowance = TimeSpan.FromSeconds(20);

    /// <summary>How long the document of a page that hung is waited for from the renderer before it is given up.</summary>
    private static readonly TimeSpan HungBodyWait = TimeSpan.FromSeconds(5);

    private readonly PagePool _pool;
    private readonly BrowserFetcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BrowserFetcher> _logger;
    private readonly SemaphoreSlim _pages;
    private readonly int[] _waits = new int[Enum.GetValues<WaitResult>().Length];

    public BrowserFetcher(PagePool pool, BrowserFetcherOptions options, TimeProvider time, ILogger<BrowserFetcher> logger)
    {
        _pool = pool;
        _options = options;
        _time = time;
        _logger = logger;
        _pages = new SemaphoreSlim(options.MaxConcurrentPages, options.MaxConcurrentPages);
    }

    public RenderMode Mode => RenderMode.Browser;

    public void Dispose() => _pages.Dispose();

    public BrowserPoolStatistics Statistics => _pool.Statistics;

    /// <summary>
    /// How the waits of successful navigations ended, by kind: many <see cref="WaitResult.Cap"/> mean pages never got ready
    /// (a --wait-for selector that does not match, or pages that never stop changing).
    /// </summary>
    public IReadOnlyDictionary<WaitResult, int> WaitResults =>
        Enum.GetValues<WaitResult>().ToDictionary(r => r, r => Volatile.Read(ref _waits[(int)r]));

    public Task WarmUpAsync(int tabs, CancellationToken cancellationToken) =>
        _pool.WarmUpAsync(Math.Min(tabs, _options.MaxConcurrentPages), cancellationToken);

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Url.Scheme != Uri.UriSchemeHttp && request.Url.Scheme != Uri.UriSchemeHttps)
        {
            return Failed(request, FetchError.GiveUp($"Only http and https are fetched, not '{request.Url.Scheme}'."));
        }

        await _pages.WaitAsync(cancellationToken);
        try
        {
            PooledPage page;
            try
            {
                page = await _pool.AcquireAsync(request.Proxy, cancellationToken);
            }
            catch (BrowserLaunchException ex)
            {
                return Failed(request, FetchError.StopRun(ex.Message));
            }
            catch (PlaywrightException ex)
            {
                return Failed(request, FetchError.Retry($"Browser tab could not be opened: {ex.Message}"));
            }

            return await FetchOnAsync(page, request, cancellationToken);
        }
        finally
        {
            _pages.Release();
        }
    }

    private async Task<FetchResult> FetchOnAsync(PooledPage page, FetchRequest request, CancellationToken cancellationToken)
    {
        var budget = _options.NavigationTimeout + (request.Scroll?.Budget ?? TimeSpan.Zero) + CaptureAllowance;
        using var timeout = new CancellationTokenSource(budget, _time);
        using var meter = new BodyMeter(request.MaxBytes ?? _options.MaxBodyBytes);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token, meter.Exceeded);
        var reusable = false;
        OriginHeaders? credentials = null;
        try
        {
            credentials = await OriginHeaders.RouteAsync(page.Page, request, linked.Token);
            await page.MeterAsync(meter, linked.Token);
            var result = await CaptureAsync(page, request, linked.Token);

            // a page captured from its response alone hung: its tab is closed, never handed to the next page
            reusable = result.RenderedDom is not null;
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (meter.StoppedAt is { } received && ex is OperationCanceledException or PlaywrightException or TimeoutException)
        {
            // closing the tab (finally) cancels the transfer; the same bytes would come again, so no retry
            Log.BodyOverCap(_logger, request.Url, meter.Cap, received);
            return Failed(request, FetchError.GiveUp($"body over the {meter.Cap}-byte cap ({received} bytes received when the page was stopped); the tab was closed"));
        }
        catch (OperationCanceledException)
        {
            Log.PageHung(_logger, request.Url, budget);
            return Failed(request, FetchError.Retry($"The page did not finish within {budget.TotalSeconds:F0} s; its tab was closed."));
        }
        catch (TimeoutException ex)
        {
            Log.PageHung(_logger, request.Url, _options.NavigationTimeout);
            return Failed(request, FetchError.Retry($"Navigation timed out after {_options.NavigationTimeout.TotalSeconds:F0} s; the tab was closed ({FirstLine(ex.Message)})."));
        }
        catch (PlaywrightException ex)
        {
            return Failed(request, Classify(page, ex));
        }
        finally
        {
            if (credentials is not null)
            {
                // before the tab goes back to the pool: the next page on it may be another host's
                await credentials.DisposeAsync();
            }

            await _pool.ReleaseAsync(page, reusable);
        }
    }

    private async Task<FetchResult> CaptureAsync(PooledPage pooled, FetchRequest request, CancellationToken cancellationToken)
    {
        var page = pooled.Page;
        var recorder = new NetworkRecorder(page.MainFrame, _time, _options.MaxNetworkBodyBytes, request.Headers.Select(h => h.Key));
        pooled.BeginCapture(recorder);
        var extra = OriginHeaders.Unscoped(request);
        if (!SameHeaders(pooled.ExtraHeaders, extra))
        {
            await page.SetExtraHTTPHeadersAsync(extra).WaitAsync(cancellationToken);
            pooled.ExtraHeaders = extra;
        }

        if (request.Cookies.Count > 0)
        {
            await page.Context.AddCookiesAsync(request.Cookies.Select(c => ToPlaywright(c, request.Url))).WaitAsync(cancellationToken);
        }

        var strategy = WaitStrategy.Parse(request.WaitFor);
        var navigationStarted = _time.GetTimestamp();
        IResponse? response;
        try
        {
            response = await page.GotoAsync(request.Url.AbsoluteUri, new PageGotoOptions
            {
                WaitUntil = strategy.NavigationWaitUntil,
                Timeout = (float)_options.NavigationTimeout.TotalMilliseconds,
            }).WaitAsync(cancellationToken);
        }
        catch (TimeoutException) when (recorder.MainResponse is { Status: < 400 } arrived)
        {
            // the document arrived but never finished loading (a script or a resource that hangs): it is captured from
            // its response, once; loading it again would only hang again
            return await FromResponseAsync(request, recorder, arrived, cancellationToken);
        }

        var status = response?.Status;
        var ok = status is null or < 400;
        if (ok)
        {
            var left = _options.NavigationTimeout - _time.GetElapsedTime(navigationStarted);
            var cap = strategy.Kind == WaitKind.Settle && _options.MaxSettle < left ? _options.MaxSettle : left;
            var waited = await PageWaiter.WaitAsync(page, strategy, recorder, _options.QuietPeriod, cap, _time, cancellationToken);
            Interlocked.Increment(ref _waits[(int)waited]);
            Log.PageReady(_logger, request.Url, waited);
            var plan = request.Scroll ?? (request.LoadMoreSelector is null ? null : new ScrollPlan { Times = 50 });
            if (plan is not null)
            {
                var scrolled = await AutoScroller.RunAsync(
                    page, plan, request.LoadMoreSelector, _options.ScrollStepWait, _time, cancellationToken, () => (recorder.InFlightScriptRequests, recorder.ScriptActivity));
                Log.Scrolled(_logger, request.Url, scrolled.Steps, scrolled.Items, scrolled.Stop);
            }
        }

        if (await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length").WaitAsync(cancellationToken) is var elements
            && elements > _options.MaxDomElements)
        {
            // a DOM that size would cost its serialization, a screenshot and a parse many times over: the page is kept as
            // the server sent it (body, responses), and its tab, holding that DOM, is closed
            Log.DomOverCap(_logger, request.Url, elements, _options.MaxDomElements);
            var sent = response is null ? ReadOnlyMemory<byte>.Empty : await BodyAsync(response, cancellationToken);
            return await ResultAsync(request, recorder, page.Url, status, response?.Headers ?? [], sent, cancellationToken);
        }

        var dom = await page.ContentAsync().WaitAsync(cancellationToken);
        var screenshot = _options.Screenshots && request.Screenshot ? await ScreenshotAsync(pooled, cancellationToken) : null;
        var body = response is null ? ReadOnlyMemory<byte>.Empty : await BodyAsync(response, cancellationToken);
        var result = await ResultAsync(request, recorder, page.Url, status, response?.Headers ?? [], body, cancellationToken);
        return result with { RenderedDom = dom, Screenshot = screenshot };
    }

    /// <summary>What the page's document and the responses it loaded come to (the DOM and screenshot are the caller's).</summary>
    private async Task<FetchResult> ResultAsync(
        FetchRequest request, NetworkRecorder recorder, string finalUrl, int? status, Dictionary<string, string> headers, ReadOnlyMemory<byte> body,
        CancellationToken cancellationToken)
    {
        var (exchanges, network, images, subresources) = await recorder.CompleteAsync(body, cancellationToken);
        var contentType = headers.GetValueOrDefault("content-type");
        return new FetchResult
        {
            RequestUrl = request.Url,
            FinalUrl = Uri.TryCreate(finalUrl, UriKind.Absolute, out var final) ? final : request.Url,
            Status = status,
            FetchedAt = recorder.MainResponseAt ?? _time.GetUtcNow(),
            ResponseHeaders = recorder.StripSecrets(headers),
            Body = body,
            ContentType = NetworkRecorder.MediaType(contentType),
            Text = Decode(body.Span, contentType),
            Rendered = true,
            Network = network,
            Images = images,
            Subresources = subresources,
            Exchanges = exchanges,
            Error = StatusError(status, headers),
        };
    }

    /// <summary>A page that hung after its document arrived: the document as received, no DOM nor screenshot.</summary>
    private async Task<FetchResult> FromResponseAsync(FetchRequest request, NetworkRecorder recorder, IResponse response, CancellationToken cancellationToken)
    {
        Log.PageHung(_logger, request.Url, _options.NavigationTimeout);
        ReadOnlyMemory<byte> body;
        try
        {
            body = await BodyAsync(response, cancellationToken).WaitAsync(HungBodyWait, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // the renderer itself is stuck (a script that never returns): not even the document can be read back
            return Failed(request, FetchError.GiveUp(
                $"The page hung after its document arrived (no load within {_options.NavigationTimeout.TotalSeconds:F0} s, renderer unresponsive); not loaded again."));
        }

        return await ResultAsync(request, recorder, response.Url, response.Status, response.Headers, body, cancellationToken);
    }

    private async Task<ReadOnlyMemory<byte>?> ScreenshotAsync(PooledPage pooled, CancellationToken cancellationToken)
    {
        var page = pooled.Page;
        var fullPage = _options.ScreenshotScope == ScreenshotScope.FullPage;
        try
        {
            try
            {
                var devTools = await pooled.DevToolsAsync().WaitAsync(cancellationToken);
                var (png, cutFrom) = await PageScreenshot.TakeAsync(devTools, fullPage, cancellationToken);
                if (cutFrom is { } height)
                {
                    Log.ScreenshotCut(_logger, page.Url, height, PageScreenshot.MaxHeight);
                }

                return png;
            }
            catch (PlaywrightException ex) when (!page.IsClosed)
            {
                Log.ScreenshotFallback(_logger, page.Url, FirstLine(ex.Message));
                return await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    FullPage = fullPage,
                    Type = ScreenshotType.Png,
                    Animations = ScreenshotAnimations.Disabled,
                    Timeout = (float)_options.NavigationTimeout.TotalMilliseconds,
                }).WaitAsync(cancellationToken);
            }
        }
        catch (Exception ex) when ((ex is PlaywrightException or TimeoutException) && !page.IsClosed)
        {
            // A page too large or too slow to paint is still captured (DOM, body, network); the screenshot is missing, and logged.
            Log.ScreenshotFailed(_logger, page.Url, FirstLine(ex.Message));
            return null;
        }
    }

    private static async Task<ReadOnlyMemory<byte>> BodyAsync(IResponse response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.BodyAsync().WaitAsync(cancellationToken);
        }
        catch (PlaywrightException)
        {
            // Redirect responses and some cached documents have no body to give; the rendered DOM still stands.
            return ReadOnlyMemory<byte>.Empty;
        }
    }

    private FetchError Classify(PooledPage page, PlaywrightException ex)
    {
        if (page.Crashed)
        {
            return FetchError.Retry("The page's renderer crashed; the tab was closed.");
        }

        if (!page.Slot.Browser.IsConnected)
        {
            Log.BrowserDisconnected(_logger);
            return FetchError.Retry("The browser crashed or was closed; it is relaunched for the next request.");
        }

        var message = FirstLine(ex.Message);
        return message switch
        {
            _ when message.Contains("net::ERR_NAME_NOT_RESOLVED", StringComparison.Ordinal)
                || message.Contains("net::ERR_INVALID_URL", StringComparison.Ordinal)
                || message.Contains("net::ERR_UNSAFE_PORT", StringComparison.Ordinal)
                || message.Contains("net::ERR_TOO_MANY_REDIRECTS", StringComparison.Ordinal)
                || message.Contains("net::ERR_BLOCKED", StringComparison.Ordinal) => FetchError.GiveUp(message),
            _ when message.Contains("Download is starting", StringComparison.Ordinal) =>
                FetchError.GiveUp("The URL is a download, not a page (downloads are refused)."),

            // Chromium resends these once itself when they happen on a reused connection: the attempt counts double
            _ when message.Contains("net::ERR_CONNECTION_RESET", StringComparison.Ordinal)
                || message.Contains("net::ERR_EMPTY_RESPONSE", StringComparison.Ordinal)
                || message.Contains("net::ERR_CONNECTION_CLOSED", StringComparison.Ordinal) => FetchError.Retry(message) with { Requests = 2 },
            _ => FetchError.Retry(message),
        };
    }

    /// <summary>The statuses the HTTP fetcher also retries (same reading: 429/503 honour Retry-After).</summary>
    private FetchError? StatusError(int? status, Dictionary<string, string> headers) => status switch
    {
        429 or 503 => FetchError.Retry($"HTTP {status}", RetryAfter(headers.GetValueOrDefault("retry-after"))),
        408 or 500 or 502 or 504 or (>= 520 and <= 524) => FetchError.Retry($"HTTP {status} from the server"),
        _ => null,
    };

    private TimeSpan? RetryAfter(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - _time.GetUtcNow()).Ticks))
            : null;
    }

    private static string? Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var encoding = Encoding.UTF8;
        var at = contentType?.IndexOf("charset=", StringComparison.OrdinalIgnoreCase) ?? -1;
        if (at >= 0)
        {
            var name = contentType![(at + 8)..].Split(';')[0].Trim().Trim('"');
            try
            {
                encoding = Encoding.GetEncoding(name);
            }
            catch (ArgumentException)
            {
                // An unknown charset label: UTF-8 is the web's default.
            }
        }

        return encoding.GetString(body);
    }

    private static bool SameHeaders(IReadOnlyList<KeyValuePair<string, string>> a, IReadOnlyList<KeyValuePair<string, string>> b) =>
        a.Count == b.Count && a.SequenceEqual(b);

    private static Cookie ToPlaywright(System.Net.Cookie cookie, Uri page) => new()
    {
        Name = cookie.Name,
        Value = cookie.Value,
        Domain = string.IsNullOrEmpty(cookie.Domain) ? page.Host : cookie.Domain,
        Path = string.IsNullOrEmpty(cookie.Path) ? "/" : cookie.Path,
        Secure = cookie.Secure,
        HttpOnly = cookie.HttpOnly,
        Expires = cookie.Expires == DateTime.MinValue ? -1 : (float)new DateTimeOffset(cookie.Expires.ToUniversalTime()).ToUnixTimeSeconds(),
    };

    private FetchResult Failed(FetchRequest request, FetchError error)
    {
        Log.FetchFailed(_logger, request.Url, error.Action, error.Message);
        return new FetchResult
        {
            RequestUrl = request.Url,
            FinalUrl = request.Url,
            FetchedAt = _time.GetUtcNow(),
            Rendered = true,
            Error = error,
        };
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline >= 0 ? message[..newline] : message).Trim();
    }
}
