using System.Text;
using Collector.Crawler.Fetching;
using Collector.Crawler.Politeness;
using Collector.Crawler.Queue;
using Collector.Crawler.Routing;
using Collector.Crawler.Sessions;
using Collector.Model;
using Collector.Parsers;
using Collector.Parsers.Common;
using Collector.Storage;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Collector.Crawler.Core;

/// <summary>
/// One leased request from fetch to archive: robots, fetch (polite, retried), parse by the router, classify, store the
/// artifacts, queue what to follow, then record the capture, which completes the lease in the same transaction.
/// Children are queued before the capture is recorded, so a crash between the two loses nothing (the page is fetched
/// again, its children deduplicated by key).
/// </summary>
public sealed partial class PageProcessor(
    IReadOnlyDictionary<RenderMode, IFetcher> fetchers,
    IRenderPolicy? renderPolicy,
    CrawlRouter router,
    MediaDownloader media,
    TimeProvider time,
    ILogger<PageProcessor> logger)
{
    /// <summary>Attempts at queue level (each with its own in-process retries) before a page is recorded failed.</summary>
    private const int QueueAttempts = 3;

    /// <summary>How often one page may be put back for a host's Retry-After (not counted as attempts) before it is given up.</summary>
    private const int MaxDeferrals = 20;

    /// <summary>Queue priority of a listing's next page (items get 0; start URLs 1 as well).</summary>
    private const int NextPagePriority = 1;

    public async Task ProcessAsync(CrawlContext crawl, QueueLease lease, CancellationToken cancellationToken)
    {
        var request = lease.Request;
        var url = new Uri(request.Url);
        var source = crawl.Job.Source;
        if (await crawl.Guard.RefusalAsync(url, cancellationToken) is { } refusal)
        {
            // a revisit or a queued URL into an internal network: recorded with why, never fetched (connects are checked again)
            crawl.Counters.UnsafeLink();
            var refused = new FetchResult { RequestUrl = url, FinalUrl = url, FetchedAt = time.GetUtcNow(), Error = FetchError.GiveUp(refusal) };
            await RecordAsync(crawl, lease, refused, crawl.Job.EffectiveRender, PageOutcome.Failed, refusal, null, [], cancellationToken);
            return;
        }

        if (await RobotsRefusalAsync(crawl, url, cancellationToken) is { } robotsRefused)
        {
            crawl.Counters.RobotsDisallowed();
            await crawl.Archive.Queue.FailAsync(lease, robotsRefused, cancellationToken);
            return;
        }

        var mode = request.Render ?? crawl.Job.EffectiveRender;
        var sourceKey = source.Name.Length > 0 ? source.Name : crawl.CrawlId;
        if (mode == RenderMode.Auto)
        {
            mode = renderPolicy?.Choose(sourceKey, url) ?? RenderMode.Http;
        }

        var fetchRequest = await PrepareAsync(crawl, url, cancellationToken);
        FetchResult result;
        try
        {
            result = await FetchAsync(crawl, fetchRequest, mode, cancellationToken, request.Priority, crawl.Job.MaxSlotWait);
        }
        catch (HostPausedException e)
        {
            await DeferAsync(crawl, lease, e.Until, e.Message, cancellationToken);
            return;
        }
        catch (BrokenCircuitException)
        {
            await RetryLaterOrFailAsync(crawl, lease, url, FetchPipelinesBreak(), "host not answering: its circuit is open", cancellationToken);
            return;
        }
        catch (TimeoutRejectedException)
        {
            var timeout = crawl.Pipelines.RequestTimeout.TotalSeconds;
            await RetryLaterOrFailAsync(crawl, lease, url, QueueDelay(crawl, lease), $"no answer within the {timeout:0.#} s request timeout", cancellationToken);
            return;
        }

        if (result.Error is { } error)
        {
            switch (error.Action)
            {
                case FetchErrorAction.StopRun:
                    await crawl.Archive.Queue.RetryLaterAsync(lease, time.GetUtcNow(), error.Message, CancellationToken.None);
                    crawl.StopRun(error.Message);
                    return;
                case FetchErrorAction.Retry when error.RetryAfter is { } wait && crawl.Deferrals(lease) < MaxDeferrals:
                    // the server said when: this path alone comes back then, and no attempt is spent on waiting as told
                    await DeferAsync(crawl, lease, result.FetchedAt + wait, error.Message, cancellationToken);
                    return;
                case FetchErrorAction.Retry when crawl.CountedAttempt(lease) < QueueAttempts:
                    await RetryLaterOrFailAsync(crawl, lease, url, error.RetryAfter ?? QueueDelay(crawl, lease), error.Message, cancellationToken);
                    return;
                default:
                    var outcome = result.Status == 429 ? PageOutcome.RateLimited : PageOutcome.Failed;
                    await RecordAsync(crawl, lease, result, mode, outcome, error.Message, null, [], cancellationToken);
                    return;
            }
        }

        var parsed = await ParseAsync(crawl, request, result, cancellationToken);
        if (crawl.Job.EffectiveRender == RenderMode.Auto && !result.Rendered && renderPolicy is not null && !ParseBudget.TimedOut(parsed)
            && fetchers.ContainsKey(RenderMode.Browser) && renderPolicy.ShouldRender(sourceKey, url, result, parsed))
        {
            var rendered = await FetchAsync(crawl, fetchRequest, RenderMode.Browser, cancellationToken, request.Priority);
            if (rendered.Error is null)
            {
                result = rendered;
                mode = RenderMode.Browser;
                parsed = await ParseAsync(crawl, request, result, cancellationToken);
            }
        }

        var (pageOutcome, reason) = Classify(result, parsed);
        if (pageOutcome == PageOutcome.LoginWall && crawl.LoginWallSeen())
        {
            crawl.StopRun($"login walls on consecutive pages (last: {url}): the session is logged out; source '{source.Name}' paused", loggedOut: true);
        }
        else if (pageOutcome.IsContent())
        {
            crawl.ContentSeen();
        }

        var children = pageOutcome.IsContent() ? await FollowAsync(crawl, request, result, parsed, cancellationToken) : [];
        if (children.Count > 0)
        {
            var added = await crawl.Archive.Queue.EnqueueAsync(crawl.CrawlId, children, cancellationToken);
            crawl.AddKnown(added);
            crawl.Nudge();
        }

        await RecordAsync(crawl, lease, result, mode, pageOutcome, reason, parsed, pageOutcome.IsContent() ? parsed.Posts : [], cancellationToken);
    }

    /// <summary>
    /// Starts the browser and its first <paramref name="tabs"/> tabs in the background when the crawl renders every
    /// page, so the first page does not wait for the launch after the crawl's own start. A launch that fails here fails
    /// again, and is reported, on the first page.
    /// </summary>
    public void WarmUp(CrawlContext crawl, int tabs, CancellationToken cancellationToken)
    {
        if (crawl.Job.EffectiveRender != RenderMode.Browser || fetchers.GetValueOrDefault(RenderMode.Browser) is not IWarmUp engine)
        {
            return;
        }

        _ = Task.Run(
            async () =>
            {
                try
                {
                    await engine.WarmUpAsync(crawl.Proxies.Any ? 0 : tabs, cancellationToken);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    LogWarmUpFailed(logger, e.GetType().Name, e.Message);
                }
            },
            CancellationToken.None);
    }

    private static TimeSpan FetchPipelinesBreak() => Resilience.FetchPipelines.BreakDuration;

    private static FetchRequest Plain(CrawlContext crawl, Uri url) => new() { Url = url, Cookies = crawl.Cookies, Screenshot = false };

    private static async Task<FetchRequest> PrepareAsync(CrawlContext crawl, Uri url, CancellationToken cancellationToken)
    {
        var source = crawl.Job.Source;
        var request = new FetchRequest
        {
            Url = url,
            Platform = source.Platform,
            WaitFor = source.WaitFor,
            Scroll = source.Scroll > 0 ? new ScrollPlan { Times = source.Scroll } : null,
            Cookies = crawl.Cookies,
            Screenshot = crawl.Options.Browser.Screenshots,
        };
        if (crawl.Reddit is { } reddit && RedditOAuth.IsRedditUrl(url))
        {
            var token = await reddit.TokenAsync(cancellationToken);
            request = request with { Url = reddit.ApiUrl(url), Headers = [new("Authorization", "bearer " + token)] };
        }

        return request;
    }

    private async Task<ParseResult> ParseAsync(CrawlContext crawl, QueueRequest request, FetchResult result, CancellationToken cancellationToken)
    {
        var text = result.Rendered ? result.RenderedDom ?? result.Text : result.Text;
        if (text is null)
        {
            return ParseResult.Classified(PageOutcome.Unrecognized, $"not a page: {result.ContentType ?? "unknown type"}");
        }

        var page = new PageInput
        {
            Url = result.FinalUrl,
            Body = text,
            ContentType = result.ContentType,
            HttpStatus = result.Status,
            Rendered = result.Rendered,
            Network = [.. result.Network.Select(n => new NetworkResponse(n.Url, n.Status, n.ContentType, Encoding.UTF8.GetString(n.Body.Span)))],
        };
        var budget = crawl.Options.ParseTimeout;
        var parse = Task.Run(() => Route(page, request, crawl.Job.Source.Platform), CancellationToken.None);
        try
        {
            return await parse.WaitAsync(budget, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // the crawl goes on without it; the parse's thread finishes (or fails) on its own and its result is dropped
            LogParseTimedOut(logger, request.Url, budget.TotalSeconds);
            return ParseBudget.Exceeded(budget);
        }
    }

    private ParseResult Route(PageInput page, QueueRequest request, string? platform)
    {
        try
        {
            return router.Route(page, request.Label, platform);
        }
        catch (Exception e)
        {
            LogParserThrew(logger, e, request.Url);
            return ParseResult.Classified(PageOutcome.Unrecognized, $"parser failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static (PageOutcome Outcome, string? Reason) Classify(FetchResult result, ParseResult parsed)
    {
        var status = result.Status ?? 0;
        if (parsed.Classification == PageOutcome.Removed && status is 404 or 410)
        {
            return (PageOutcome.Removed, parsed.Reason);
        }

        if (status == 410)
        {
            // Gone: the server says the page existed and was taken down on purpose
            return (PageOutcome.Removed, "HTTP 410 Gone");
        }

        if (status == 404)
        {
            // a platform's removal notice served as a 404 ("this post has been removed") is a removal, not a missing page
            var text = result.Rendered ? result.RenderedDom ?? result.Text : result.Text;
            return text is not null && PageSignals.Detect(new PageInput { Url = result.FinalUrl, Body = text }) is { Outcome: PageOutcome.Removed } notice
                ? (PageOutcome.Removed, notice.Reason)
                : (PageOutcome.NotFound, "HTTP 404");
        }

        if (status >= 400 && parsed.Classification is PageOutcome.Content or PageOutcome.Empty or PageOutcome.Unrecognized)
        {
            return status is 401 or 407 ? (PageOutcome.LoginWall, $"HTTP {status}") : (PageOutcome.Failed, $"HTTP {status}");
        }

        return (parsed.Classification, parsed.Reason);
    }

    private async Task RecordAsync(
        CrawlContext crawl, QueueLease lease, FetchResult result, RenderMode mode, PageOutcome outcome, string? reason,
        ParseResult? parsed, IReadOnlyList<Post> posts, CancellationToken cancellationToken)
    {
        var artifacts = await StoreArtifactsAsync(crawl.Archive.Artifacts, result, cancellationToken);
        if (posts.Count > 0)
        {
            artifacts.AddRange(await media.DownloadAsync(crawl, posts, this, cancellationToken));
        }

        var capture = new Capture
        {
            Id = Ids.New(time),
            RequestUrl = lease.Request.Url,
            FinalUrl = result.FinalUrl.AbsoluteUri,
            HttpStatus = result.Status,
            FetchedAt = result.FetchedAt == default ? time.GetUtcNow() : result.FetchedAt,
            RenderMode = mode == RenderMode.Auto ? RenderMode.Http : mode,
            Outcome = outcome,
            OutcomeReason = reason ?? result.Error?.Message,
            Platform = parsed?.Platform ?? crawl.Job.Source.Platform,
            Source = crawl.Job.OneOff ? null : crawl.Job.Source.Name,
            RunId = crawl.Job.RunId,
            Posts = posts,
            Artifacts = artifacts,
            Exchanges = result.Exchanges,
            SubjectPost = parsed?.Subject,
            RemovedPosts = parsed?.Removed ?? [],
            ParsedBy = parsed?.ParsedBy ?? new Dictionary<string, string>(),
            StubPosts = parsed?.Stubs ?? [],
            ParseError = parsed?.ParseError,
            ParserVersion = parsed is null ? null : router.VersionFor(lease.Request.Label),
        };
        var receipt = await crawl.Archive.RecordCaptureAsync(capture, new CaptureContext { Lease = lease, ConfigHash = crawl.Job.ConfigHash }, cancellationToken);
        crawl.Counters.Recorded(capture, receipt);
        if (outcome == PageOutcome.Failed)
        {
            crawl.Counters.Error($"{lease.Request.Url}: {capture.OutcomeReason}");
        }

        LogRecorded(logger, lease.Request.Url, outcome.ToWire(), posts.Count);
    }

    private static async Task<List<ArtifactRef>> StoreArtifactsAsync(IArtifactStore store, FetchResult result, CancellationToken cancellationToken)
    {
        var artifacts = new List<ArtifactRef>(2);
        if (!result.Body.IsEmpty)
        {
            artifacts.Add(await store.PutAsync(new ArtifactContent(ArtifactKinds.Raw, result.Body, result.ContentType, result.FinalUrl.AbsoluteUri), cancellationToken));
        }

        if (result.RenderedDom is { Length: > 0 } dom)
        {
            artifacts.Add(await store.PutAsync(new ArtifactContent(ArtifactKinds.Dom, Encoding.UTF8.GetBytes(dom), "text/html"), cancellationToken));
        }

        if (result.Screenshot is { IsEmpty: false } png)
        {
            artifacts.Add(await store.PutAsync(new ArtifactContent(ArtifactKinds.Screenshot, png, "image/png"), cancellationToken));
        }

        foreach (var response in result.Network)
        {
            artifacts.Add(await store.PutAsync(new ArtifactContent(ArtifactKinds.Network, response.Body, response.ContentType, response.Url), cancellationToken));
        }

        foreach (var (kind, loaded) in new[] { (ArtifactKinds.Media, result.Images), (ArtifactKinds.Subresource, result.Subresources) })
        {
            foreach (var response in loaded)
            {
                artifacts.Add(await store.PutAsync(new ArtifactContent(kind, response.Body, response.ContentType, response.Url), cancellationToken));
            }
        }

        return artifacts;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Url}: {Outcome}, {Posts} posts")]
    private static partial void LogRecorded(ILogger logger, string url, string outcome, int posts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Url}: back in the queue until {Until:o} ({Why})")]
    private static partial void LogDeferred(ILogger logger, string url, DateTimeOffset until, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "parser threw on {Url}")]
    private static partial void LogParserThrew(ILogger logger, Exception e, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Url}: parse cancelled past its budget of {Seconds:0.###} s; recorded failed: parse-timeout")]
    private static partial void LogParseTimedOut(ILogger logger, string url, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "browser warm-up failed ({Kind}: {Message}); the first page starts it instead")]
    private static partial void LogWarmUpFailed(ILogger logger, string kind, string message);
}
