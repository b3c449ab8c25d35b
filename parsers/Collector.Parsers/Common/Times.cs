using System.Globalization;

namespace Collector.Parsers.Common;

/// <summary>Page times to UTC instants: epoch seconds/milliseconds and ISO-8601 / RFC 1123 strings.</summary>
public static class Times
{
    private static readonly DateTimeOffset Earliest = new(1995, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Epoch seconds, or milliseconds when the number is too large to be seconds; null outside 1995-2100.</summary>
    public static DateTimeOffset? FromEpoch(double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            return null;
        }

        var ms = value > 1e11 ? value : value * 1000;
        if (ms > 1e14)
        {
            ms /= 1000; // microseconds
        }

        try
        {
            var time = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(ms));
            return time < Earliest || time > Latest ? null : time;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>An ISO-8601 (zone assumed UTC when absent), RFC 1123, or numeric epoch string as UTC; null when unreadable.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return FromEpoch(number);
        }

        if (trimmed.EndsWith(" UTC", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^4] + "Z";
        }

        // "+0000" offsets (no colon), as in shreddit's created-timestamp.
        if (trimmed.Length > 10 && trimmed[^5] is '+' or '-' && trimmed.Contains('T', StringComparison.Ordinal)
            && !trimmed.AsSpan(trimmed.Length - 4).ContainsAnyExceptInRange('0', '9'))
        {
            trimmed = string.Concat(trimmed.AsSpan(0, trimmed.Length - 2), ":", trimmed.AsSpan(trimmed.Length - 2));
        }

        if (DateTimeOffset.TryParse(
                trimmed,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out var parsed))
        {
            var utc = parsed.ToUniversalTime();
            return utc < Earliest || utc > Latest ? null : utc;
        }

        return null;
    }
}
