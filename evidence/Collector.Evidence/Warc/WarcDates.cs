using System.Globalization;

namespace Collector.Evidence.Warc;

/// <summary>WARC-Date (UTC, W3C ISO-8601, sub-second digits only where the instant has them) and 14-digit CDX timestamps.</summary>
public static class WarcDates
{
    public static string ToWarcDate(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
        return utc.ToString(format, CultureInfo.InvariantCulture);
    }

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string ToCdxTimestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
