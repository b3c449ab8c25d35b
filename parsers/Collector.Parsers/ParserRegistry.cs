using Collector.Model;

namespace Collector.Parsers;

/// <summary>
/// Chooses the parser for a page: the one named by the source's platform key, else the one whose
/// <see cref="IPlatformParser.Handles"/> accepts the URL's host, else the generic parser.
/// </summary>
public sealed class ParserRegistry
{
    private readonly Dictionary<string, IPlatformParser> _byPlatform;
    private readonly IReadOnlyList<IPlatformParser> _parsers;
    private readonly IPlatformParser _generic;

    public ParserRegistry(IEnumerable<IPlatformParser> parsers, string version = BuiltInParsers.Version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Version = version;
        _parsers = [.. parsers];
        _byPlatform = new Dictionary<string, IPlatformParser>(StringComparer.OrdinalIgnoreCase);
        foreach (var parser in _parsers)
        {
            if (!_byPlatform.TryAdd(parser.Platform, parser))
            {
                throw new ArgumentException($"Two parsers claim platform '{parser.Platform}'.", nameof(parsers));
            }
        }

        _generic = _byPlatform.GetValueOrDefault(PlatformKeys.Generic)
            ?? throw new ArgumentException("No generic parser registered: it is the fallback for every unknown site.", nameof(parsers));
    }

    /// <summary>A registry of <see cref="BuiltInParsers"/>.</summary>
    public static ParserRegistry CreateDefault() => new(BuiltInParsers.Create());

    public IReadOnlyList<IPlatformParser> Parsers => _parsers;

    /// <summary>The version of these parsers' output, recorded with each capture they read (<see cref="Capture.ParserVersion"/>).</summary>
    public string Version { get; }

    public IReadOnlyCollection<string> KnownPlatforms => _byPlatform.Keys;

    /// <summary>The parser for a platform key, or null when none has that key.</summary>
    public IPlatformParser? ForPlatform(string platform) => _byPlatform.GetValueOrDefault(platform);

    /// <summary>The parser for the URL's host; the generic parser when no platform claims it.</summary>
    public IPlatformParser ForUrl(Uri url)
    {
        foreach (var parser in _parsers)
        {
            if (!ReferenceEquals(parser, _generic) && SafeHandles(parser, url))
            {
                return parser;
            }
        }

        return _generic;
    }

    /// <summary>The named platform's parser when given and known, else by URL.</summary>
    public IPlatformParser Select(Uri url, string? platform = null) =>
        !string.IsNullOrWhiteSpace(platform) && _byPlatform.TryGetValue(platform, out var named) ? named : ForUrl(url);

    /// <summary>Selects a parser and parses the page with it.</summary>
    public ParseResult Parse(PageInput page, string? platform = null) => Select(page.Url, platform).Parse(page);

    private static bool SafeHandles(IPlatformParser parser, Uri url)
    {
        try
        {
            return parser.Handles(url);
        }
        catch (Exception)
        {
            return false;
        }
    }
}
