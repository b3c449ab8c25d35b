namespace Collector.Parsers.Platforms.Reddit;

/// <summary>Reddit's markers of deleted and removed content.</summary>
internal static class RedditRemoval
{
    public static bool IsMarker(string? text) =>
        text is not null && text.Trim() is "[deleted]" or "[removed]" or "[ Removed by Reddit ]" or "[Removed by Reddit]";

    /// <summary>The text unless it is a removal marker (a tombstone keeps no fake text).</summary>
    public static string? TextOrNull(string? text) => IsMarker(text) ? null : text;
}
