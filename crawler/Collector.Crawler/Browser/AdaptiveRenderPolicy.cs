using System.Collections.Concurrent;
using Collector.Crawler.Fetching;
using Collector.Model;
using Collector.Parsers;
using Microsoft.Extensions.Logging;

namespace Collector.Crawler.Browser;

/// <summary>A remembered rendering decision: pages of <see cref="Pattern"/> from <see cref="Source"/> go to the browser first.</summary>
public sealed record RenderDecision(string Source, string Pattern, string Reason, DateTimeOffset At);

/// <summary>
/// Adaptive rendering (<c>--render auto</c>): plain HTTP first; a page the parser calls a JavaScript shell, or an HTML page
/// where it found nothing it expected (unrecognized, or empty on a pattern that never gave content over HTTP), is
/// rendered in the browser, and the pattern (source + <see cref="UrlPattern"/>) is remembered so later pages of it go
/// straight to the browser without the wasted HTTP request. Blocked, gone, failed and non-HTML responses are never
/// re-rendered: a browser would not change them.
/// </summary>
public sealed class AdaptiveRenderPolicy : IRenderPolicy
{
    /// <summary>Patterns remembered at most (a crawl of a site with unbounded URL shapes must not grow memory).</summary>
    public const int MaxPatterns = 10_000;

    private readonly ConcurrentDictionary<(string Source, string Pattern), RenderDecision> _browser = new();
    private readonly ConcurrentDictionary<(string Source, string Pattern), byte> _httpWorked = new();
    private readonly TimeProvider _time;
    private readonly ILogger<AdaptiveRenderPolicy> _logger;

    public AdaptiveRenderPolicy(TimeProvider time, ILogger<AdaptiveRenderPolicy> logger)
    {
        _time = time;
        _logger = logger;
    }

    /// <summary>The patterns that go to the browser first.</summary>
    public IReadOnlyCollection<RenderDecision> Decisions => [.. _browser.Values];

    public RenderMode Choose(string sourceKey, Uri url) =>
        _browser.ContainsKey((sourceKey, UrlPattern.Of(url))) ? RenderMode.Browser : RenderMode.Http;

    public bool ShouldRender(string sourceKey, Uri url, FetchResult httpResult, ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(httpResult);
        ArgumentNullException.ThrowIfNull(parsed);
        if (httpResult.Rendered || httpResult.Error is not null || !IsHtml(httpResult))
        {
            return false;
        }

        var key = (sourceKey, UrlPattern.Of(url));
        if (parsed.NeedsBrowser)
        {
            Remember(key, $"JavaScript shell ({parsed.Reason ?? "parser"})");
            return true;
        }

        switch (parsed.Classification)
        {
            case PageOutcome.Content:
                if (_httpWorked.Count < MaxPatterns)
                {
                    _httpWorked.TryAdd(key, 0);
                }

                return false;
            case PageOutcome.Unrecognized:
                // Markup the parser does not know may be a shell it cannot name; but where HTTP gave content before, it is
                // this page that is odd, not the pattern: render it without remembering.
                if (!_httpWorked.ContainsKey(key))
                {
                    Remember(key, $"nothing recognizable over HTTP ({parsed.Reason ?? "unrecognized"})");
                }

                return true;
            case PageOutcome.Empty when parsed.Posts.Count == 0 && !_httpWorked.ContainsKey(key):
                Remember(key, $"empty over HTTP ({parsed.Reason ?? "no posts"})");
                return true;
            default:
                return false;
        }
    }

    private void Remember((string Source, string Pattern) key, string reason)
    {
        if (_browser.Count >= MaxPatterns)
        {
            return;
        }

        var decision = new RenderDecision(key.Source, key.Pattern, reason, _time.GetUtcNow());
        if (_browser.TryAdd(key, decision))
        {
            _logger.LogInformation("Rendering {Pattern} of {Source} in the browser from now on: {Reason}", key.Pattern, key.Source, reason);
        }
    }

    private static bool IsHtml(FetchResult result) =>
        result.Status is null or (>= 200 and < 300)
        && (result.ContentType is null || result.ContentType.Contains("html", StringComparison.OrdinalIgnoreCase));
}
