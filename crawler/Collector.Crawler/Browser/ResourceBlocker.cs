using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Collector.Crawler.Browser;

/// <summary>
/// Keeps chosen resource types (fonts and media by default) from loading, by routing a context's requests and aborting
/// those types. Nothing is routed when the list is empty, so an unblocked crawl pays no routing cost.
/// </summary>
public sealed class ResourceBlocker
{
    /// <summary>Playwright's resource types that may be blocked (the main document never is).</summary>
    public static IReadOnlySet<string> KnownTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "stylesheet", "image", "media", "font", "script", "texttrack", "xhr", "fetch", "eventsource", "websocket", "manifest", "other",
    };

    /// <summary>
    /// File extensions of the types that have reliable ones. When every blocked type is listed here, only URLs with those
    /// extensions are routed through .NET (the rest continue inside the driver, saving a round trip per request).
    /// </summary>
    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["font"] = ["woff2", "woff", "ttf", "otf", "eot"],
        ["media"] = ["mp4", "webm", "ogg", "ogv", "oga", "mp3", "m4a", "m4v", "wav", "flac", "mov", "m3u8", "mpd", "aac", "opus"],
        ["image"] = ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp"],
        ["stylesheet"] = ["css"],
    };

    private readonly HashSet<string> _blocked;
    private readonly Regex? _urls;
    private long _blockedCount;

    public ResourceBlocker(IEnumerable<string> blockedTypes)
    {
        _blocked = new HashSet<string>(blockedTypes, StringComparer.OrdinalIgnoreCase);
        if (_blocked.Count > 0 && _blocked.All(Extensions.ContainsKey))
        {
            var alternatives = string.Join('|', _blocked.SelectMany(t => Extensions[t]).Distinct());
            _urls = new Regex($@"\.(?:{alternatives})(?:[?#].*)?$", RegexOptions.IgnoreCase);
        }
    }

    /// <summary>Requests aborted so far.</summary>
    public long BlockedCount => Interlocked.Read(ref _blockedCount);

    public bool IsActive => _blocked.Count > 0;

    public bool Blocks(string resourceType) => _blocked.Contains(resourceType);

    /// <summary>
    /// Routes the context's requests through the block list (no-op when nothing is blocked). Blocking fonts, media, images
    /// or stylesheets routes only URLs with their file extensions; any other type routes every request.
    /// </summary>
    public Task AttachAsync(IBrowserContext context)
    {
        if (!IsActive)
        {
            return Task.CompletedTask;
        }

        return _urls is null ? context.RouteAsync("**/*", HandleAsync) : context.RouteAsync(_urls, HandleAsync);
    }

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
