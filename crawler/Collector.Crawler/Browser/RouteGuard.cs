using System.Collections.Concurrent;
using Collector.Crawler.Safety;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>
/// The address guard for rendered pages: every request a page makes (its document, frames, images, scripts, fetch and
/// XHR) is routed through .NET and passes <see cref="ConnectGuard.RefusalAsync"/> before it leaves; a refused one is
/// aborted and logged with the page that made it. Answers are kept per host:port for a short while (a page asks the
/// same hosts many times). Chromium resolves names itself afterwards, so a name that rebinds within that while is the
/// HTTP fetcher's connect-time check's to catch, not this one's.
/// </summary>
public sealed partial class RouteGuard(ConnectGuard guard, TimeProvider time, ILogger<RouteGuard> logger)
{
    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (Task<string?> Refusal, long At)> _byAuthority = new(StringComparer.OrdinalIgnoreCase);
    private long _blocked;

    /// <summary>Requests refused so far.</summary>
    public long BlockedCount => Interlocked.Read(ref _blocked);

    /// <summary>Routes every request of the context through the guard (attach after other routes: it is asked first).</summary>
    public Task AttachAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RouteAsync("**/*", HandleAsync);
    }

    private async Task HandleAsync(IRoute route)
    {
        try
        {
            var request = route.Request;
            if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                // data:, blob: and the like never leave the browser
                await route.FallbackAsync();
                return;
            }

            if (await RefusalAsync(url) is not { } refusal)
            {
                await route.FallbackAsync();
                return;
            }

            Interlocked.Increment(ref _blocked);
            LogBlocked(logger, url.AbsoluteUri, request.ResourceType, PageUrl(request), refusal);
            await route.AbortAsync("blockedbyclient");
        }
        catch (PlaywrightException)
        {
            // the page or context closed while the request was paused: nothing left to route
        }
    }

    private Task<string?> RefusalAsync(Uri url)
    {
        var now = time.GetTimestamp();
        var entry = _byAuthority.AddOrUpdate(
            url.Authority,
            _ => (guard.RefusalAsync(url, CancellationToken.None), now),
            (_, old) => time.GetElapsedTime(old.At) < Remember ? old : (guard.RefusalAsync(url, CancellationToken.None), now));
        return entry.Refusal;
    }

    private static string PageUrl(IRequest request)
    {
        try
        {
            return request.Frame.Page.Url;
        }
        catch (PlaywrightException)
        {
            return "(a service worker)";
        }
    }

    [LoggerMessage(EventId = 4140, Level = LogLevel.Warning, Message = "Blocked {Url} ({Type}) requested by the page {Page}: {Reason}")]
    private static partial void LogBlocked(ILogger logger, string url, string type, string page, string reason);
}
