using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>
/// Credentials from a target URL (http://user:pass@host/) in browser mode: every request the page makes to that host
/// and port, and to no other, carries the Authorization header (a page route that falls back to the context's routes,
/// so the address guard and the resource blocker still decide). The header is redacted from recorded exchanges like
/// every secret header; the URLs never held the credentials (the crawl strips them before queueing).
/// </summary>
internal sealed class TargetAuthorization : IAsyncDisposable
{
    private readonly IPage _page;
    private readonly Func<string, bool> _matches;
    private readonly Func<IRoute, Task> _handler;

    private TargetAuthorization(IPage page, string authority, string authorization)
    {
        _page = page;
        _matches = url => Uri.TryCreate(url, UriKind.Absolute, out var u) && string.Equals(u.Authority, authority, StringComparison.OrdinalIgnoreCase);
        _handler = route => route.FallbackAsync(new RouteFallbackOptions
        {
            Headers = new Dictionary<string, string>(route.Request.Headers, StringComparer.OrdinalIgnoreCase) { ["authorization"] = authorization },
        });
    }

    /// <summary>Routes the page's requests to the credentials' host:port through the header; null when there are none.</summary>
    public static async Task<TargetAuthorization?> RouteAsync(IPage page, KeyValuePair<string, string>? credentials, CancellationToken cancellationToken)
    {
        if (credentials is not { } pair)
        {
            return null;
        }

        var routed = new TargetAuthorization(page, pair.Key, pair.Value);
        await page.RouteAsync(routed._matches, routed._handler).WaitAsync(cancellationToken);
        return routed;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _page.UnrouteAsync(_matches, _handler);
        }
        catch (PlaywrightException)
        {
            // the tab was closed with its routes
        }
    }
}
