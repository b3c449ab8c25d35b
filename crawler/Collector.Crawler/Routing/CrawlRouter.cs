using Collector.Parsers;

namespace Collector.Crawler.Routing;

/// <summary>
/// Hands each page to the handler registered for its label (a platform key or page type). Registering a label twice
/// is an error; a label with no handler goes to the default handler, which reads the page with the parser registry.
/// </summary>
public sealed class CrawlRouter
{
    private readonly Dictionary<string, Func<PageInput, ParseResult>> _handlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ParserRegistry _parsers;

    public CrawlRouter(ParserRegistry parsers) => _parsers = parsers;

    public ParserRegistry Parsers => _parsers;

    public CrawlRouter Add(string label, Func<PageInput, ParseResult> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_handlers.TryAdd(label, handler))
        {
            throw new ArgumentException($"A handler for label '{label}' is already registered.", nameof(label));
        }

        return this;
    }

    /// <summary>The version of what <see cref="Route"/> reads a page with: the parsers', or null when a custom handler takes the label.</summary>
    public string? VersionFor(string? label) => label is not null && _handlers.ContainsKey(label) ? null : _parsers.Version;

    /// <summary>Reads the page with the handler for <paramref name="label"/>, else the parser for <paramref name="platform"/> or the URL's host.</summary>
    public ParseResult Route(PageInput page, string? label, string? platform) =>
        label is not null && _handlers.TryGetValue(label, out var handler) ? handler(page) : _parsers.Parse(page, platform);
}
