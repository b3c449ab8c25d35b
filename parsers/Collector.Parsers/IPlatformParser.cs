using Collector.Model;

namespace Collector.Parsers;

/// <summary>
/// Reads one platform's pages into normalized posts. Implementations never throw on bad input:
/// truncated, hostile, empty or foreign pages come back classified (<see cref="PageOutcome.Unrecognized"/> and the like).
/// </summary>
public interface IPlatformParser
{
    /// <summary>The platform key this parser produces (<see cref="Platforms"/>).</summary>
    string Platform { get; }

    /// <summary>True when the URL's host belongs to this platform (used when no platform is named).</summary>
    bool Handles(Uri url);

    ParseResult Parse(PageInput page);
}
