using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>
/// Keeps chosen resource types (fonts and media by default) from loading, by routing every request of a context and
/// aborting those types. Nothing is routed when the list is empty, so an unblocked crawl pays no routing cost.
/// </summary>
public sealed class ResourceBlocker
{
    /// <summary>Playwright's resource types that may be blocked (the main document never is).</summary>
    public static IReadOnlySet<string> KnownTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "stylesheet", "image", "media", "font", "script", "texttrack", "xhr", "fetch", "eventsource", "websocket", "manifest", "other",
    };

    private readonly HashSet<string> _blocked;
    private long _blockedCount;

    public ResourceBlocker(IEnumerable<string> blockedTypes)
    {
        _blocked = new HashSet<string>(blockedTypes, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Requests aborted so far.</summary>
    public long BlockedCount => Interlocked.Read(ref _blockedCount);

    public bool IsActive => _blocked.Count > 0;

    public bool Blocks(string resourceType) => _blocked.Contains(resourceType);

    /// <summary>Routes the context's requests through the block list (no-op when nothing is blocked).</summary>
    public Task AttachAsync(IBrowserContext context) =>
        IsActive ? context.RouteAsync("**/*", HandleAsync) : Task.CompletedTask;

    private async Task HandleAsync(IRoute route)
    {
        try
        {
            if (_blocked.Contains(route.Request.ResourceType))
            {
                Interlocked.Increment(ref _blockedCount);
                await route.AbortAsync("blockedbyclient");
            }
            else
            {
                await route.FallbackAsync();
            }
        }
        catch (PlaywrightException)
        {
            // The page or context closed while the request was paused: nothing left to route.
        }
    }
}
