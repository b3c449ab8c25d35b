using System.Net;
using Collector.Model;
using Collector.Parsers;

namespace Collector.Crawler.Fetching;

/// <summary>
/// Gets one page: plain HTTP (<see cref="RenderMode.Http"/>) or a real browser (<see cref="RenderMode.Browser"/>).
/// A fetcher never throws for a page that could not be had: it returns a result with <see cref="FetchResult.Error"/>
/// saying what should happen next. It throws only for cancellation.
/// </summary>
public interface IFetcher
{
    /// <summary>Http or Browser: the mode this fetcher implements.</summary>
    RenderMode Mode { get; }

    Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Adaptive rendering (<see cref="RenderMode.Auto"/>): which mode to try first for a URL of a source, and whether an
/// HTTP page that was parsed should be rendered in the browser after all. Implementations remember their decisions
/// (per source and URL pattern) so later pages skip the wasted request. Registered once, optional.
/// </summary>
public interface IRenderPolicy
{
    /// <summary>The mode to try first (Http or Browser).</summary>
    RenderMode Choose(string sourceKey, Uri url);

    /// <summary>After an HTTP fetch was parsed: true when the page must be rendered in the browser (and remembered).</summary>
    bool ShouldRender(string sourceKey, Uri url, FetchResult httpResult, ParseResult parsed);
}

/// <summary>What to fetch and how.</summary>
public sealed record FetchRequest
{
    public required Uri Url { get; init; }

    /// <summary>Platform key of the source (picks per-platform behaviour, e.g. Reddit OAuth); null when unknown.</summary>
    public string? Platform { get; init; }

    /// <summary>Browser: wait for this CSS selector before capturing.</summary>
    public string? WaitFor { get; init; }

    /// <summary>Browser: autoscroll for infinite feeds; null = no scrolling.</summary>
    public ScrollPlan? Scroll { get; init; }

    /// <summary>Browser: a "load more" button clicked while it is there (within the scroll plan's budget).</summary>
    public string? LoadMoreSelector { get; init; }

    /// <summary>Browser: take a full-page screenshot.</summary>
    public bool Screenshot { get; init; } = true;

    /// <summary>Cookies of the source's session (cookie file), sent with the request; empty when none.</summary>
    public IReadOnlyList<Cookie> Cookies { get; init; } = [];

    /// <summary>The proxy to go through (http://, https://, socks5://), or null for a direct connection.</summary>
    public Uri? Proxy { get; init; }

    /// <summary>Body size cap for this request (media have their own); null = the crawler's MaxBodyBytes.</summary>
    public long? MaxBytes { get; init; }

    /// <summary>
    /// Basic credentials from a target URL: the Authorization value sent to that host:port only (each redirect hop is
    /// checked; never recorded in exchanges). HTTP only.
    /// </summary>
    public KeyValuePair<string, string>? Credentials { get; init; }

    /// <summary>
    /// Extra request headers (e.g. an OAuth Authorization header); never recorded in exchanges. The secret ones among them
    /// (<see cref="Sessions.SecretHeaders"/>) go to <see cref="Url"/>'s origin only, never to a redirect elsewhere.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}

/// <summary>Autoscroll: scroll up to <see cref="Times"/> times, stopping early on any stop condition.</summary>
public sealed record ScrollPlan
{
    public int Times { get; init; }

    /// <summary>Stop once this many elements match <see cref="ItemSelector"/> (null = no item-count stop).</summary>
    public int? MaxItems { get; init; }

    /// <summary>CSS selector of one feed item, for <see cref="MaxItems"/> and for the no-growth check.</summary>
    public string? ItemSelector { get; init; }

    /// <summary>Stop after this many scrolls in a row that added nothing.</summary>
    public int StopAfterNoGrowth { get; init; } = 2;

    /// <summary>Time budget for all scrolling.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>What came back. On failure <see cref="Error"/> is set and the rest holds whatever was had.</summary>
public sealed record FetchResult
{
    public required Uri RequestUrl { get; init; }

    /// <summary>The URL after redirects.</summary>
    public required Uri FinalUrl { get; init; }

    /// <summary>HTTP status of the main document; null when no response was had.</summary>
    public int? Status { get; init; }

    /// <summary>When the main response arrived (UTC).</summary>
    public DateTimeOffset FetchedAt { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; } = [];

    /// <summary>The main document's body exactly as received (after transfer decoding).</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Media type of the main document (text/html, application/json), without parameters.</summary>
    public string? ContentType { get; init; }

    /// <summary>The body decoded to text with the detected charset (null for binary bodies).</summary>
    public string? Text { get; init; }

    /// <summary>True when a browser rendered the page.</summary>
    public bool Rendered { get; init; }

    /// <summary>Browser: the rendered DOM serialized.</summary>
    public string? RenderedDom { get; init; }

    /// <summary>Browser: full-page PNG screenshot.</summary>
    public ReadOnlyMemory<byte>? Screenshot { get; init; }

    /// <summary>Browser: JSON (XHR/fetch) responses the page loaded.</summary>
    public IReadOnlyList<CapturedResponse> Network { get; init; } = [];

    /// <summary>Browser: the images the page loaded, kept as media artifacts under the URLs the page used (so its replay shows them).</summary>
    public IReadOnlyList<CapturedResponse> Images { get; init; } = [];

    /// <summary>Browser: the stylesheets and scripts the page loaded, kept as subresource artifacts under the URLs the page used (for replay).</summary>
    public IReadOnlyList<CapturedResponse> Subresources { get; init; } = [];

    /// <summary>Every HTTP exchange (each redirect hop, the document, then what the page loaded), for WARC; secrets stripped.</summary>
    public IReadOnlyList<HttpExchange> Exchanges { get; init; } = [];

    public FetchError? Error { get; init; }

    public bool Succeeded => Error is null;
}

/// <summary>One response a rendered page loaded (XHR/fetch JSON, an image, a stylesheet or script), with its body.</summary>
public sealed record CapturedResponse(
    string Url,
    int Status,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);

/// <summary>Why a fetch failed, typed by what the crawl should do next.</summary>
public sealed record FetchError(FetchErrorAction Action, string Message)
{
    /// <summary>When the server said when to come back (Retry-After), or the fetcher knows better.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Requests this one attempt may have cost the server: 2 where Chromium resends a request that failed on a reused
    /// connection on its own (a reset, an empty response). The retry policy counts them, so the host is not asked more
    /// often than crawler.maxRetries allows because the browser also retried.
    /// </summary>
    public int Requests { get; init; } = 1;

    public static FetchError Retry(string message, TimeSpan? retryAfter = null) =>
        new(FetchErrorAction.Retry, message) { RetryAfter = retryAfter };

    public static FetchError GiveUp(string message) => new(FetchErrorAction.GiveUp, message);

    public static FetchError StopRun(string message) => new(FetchErrorAction.StopRun, message);
}

public enum FetchErrorAction
{
    /// <summary>Transient (timeout, reset, 5xx, 429): try the request again later.</summary>
    Retry,

    /// <summary>This request cannot succeed (redirect loop, body over the cap, bad scheme): record it failed, go on.</summary>
    GiveUp,

    /// <summary>Nothing more can succeed in this run (browser cannot start, credentials refused): stop the run.</summary>
    StopRun,
}
