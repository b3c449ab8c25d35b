using Collector.Crawler.Fetching;
using Collector.Crawler.Sessions;
using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>
/// Secret headers in browser mode, each sent with the page's requests to its own origin and to no other (a page route
/// that falls back to the context's routes, so the address guard and the resource blocker still decide): credentials
/// from a target URL (http://user:pass@host/) go to that host and port; a caller's secret headers (<see cref="SecretHeaders"/>: the
/// Reddit API's bearer token) to the origin of the URL fetched. Chromium's extra headers would send
/// them with every image, script and redirect of the page, wherever it points. Secret headers are redacted from
/// recorded exchanges; the URLs never held the credentials (the crawl strips them before queueing).
/// </summary>
internal sealed class OriginHeaders : IAsyncDisposable
{
    private readonly IPage _page;
    private readonly Func<string, bool> _matches;
    private readonly Func<IRoute, Task> _handler;

    private OriginHeaders(IPage page, List<(Func<Uri, bool> Scope, string Name, string Value)> rules)
    {
        _page = page;
        _matches = url => Uri.TryCreate(url, UriKind.Absolute, out var u) && rules.Exists(r => r.Scope(u));
        _handler = route =>
        {
            var headers = new Dictionary<string, string>(route.Request.Headers, StringComparer.OrdinalIgnoreCase);
            if (Uri.TryCreate(route.Request.Url, UriKind.Absolute, out var url))
            {
                foreach (var (scope, name, value) in rules)
                {
                    if (scope(url))
                    {
                        headers[name] = value;
                    }
                }
            }

            return route.FallbackAsync(new RouteFallbackOptions { Headers = headers });
        };
    }

    /// <summary>The extra headers Chromium may send with every request of the page: all but the secret ones.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Unscoped(FetchRequest request) =>
        [.. request.Headers.Where(h => !SecretHeaders.IsSecret(h.Key))];

    /// <summary>Routes the page's requests to each secret header's origin through it; null when the request has none.</summary>
    public static async Task<OriginHeaders?> RouteAsync(IPage page, FetchRequest request, CancellationToken cancellationToken)
    {
        var rules = new List<(Func<Uri, bool> Scope, string Name, string Value)>();
        if (request.Credentials is { } pair)
        {
            rules.Add((u => string.Equals(u.Authority, pair.Key, StringComparison.OrdinalIgnoreCase), "authorization", pair.Value));
        }

        foreach (var header in request.Headers.Where(h => SecretHeaders.IsSecret(h.Key)))
        {
            rules.Add((u => SecretHeaders.SameOrigin(u, request.Url), header.Key.ToLowerInvariant(), header.Value));
        }

        if (rules.Count == 0)
        {
            return null;
        }

        var routed = new OriginHeaders(page, rules);
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
