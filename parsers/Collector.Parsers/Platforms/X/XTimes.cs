using System.Globalization;

namespace Collector.Parsers.Platforms.X;

/// <summary>X's own time forms: "Wed Jul 08 21:59:10 +0000 2026" and the instant inside a snowflake id.</summary>
internal static class XTimes
{
    private const long SnowflakeEpochMs = 1288834974657;

    /// <summary>The legacy API's created_at ("ddd MMM dd HH:mm:ss zzz yyyy") as UTC.</summary>
    public static DateTimeOffset? ParseCreatedAt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(
            text.Trim(), "ddd MMM dd HH:mm:ss zzz yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToUniversalTime()
            : Common.Times.Parse(text);
    }

    /// <summary>The creation instant encoded in a snowflake id (tweets after November 2010); null for older or bad ids.</summary>
    public static DateTimeOffset? FromSnowflake(string? id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 300_000_000_000_000L)
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((value >> 22) + SnowflakeEpochMs);
    }
}
