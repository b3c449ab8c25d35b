using System.Globalization;

namespace Collector.Parsers.Common;

/// <summary>Human counts as pages show them: "1,234", "1.2K", "3M", "12.5k views".</summary>
public static class Counts
{
    public static long? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var span = text.AsSpan().Trim();
        var end = 0;
        while (end < span.Length
            && (char.IsAsciiDigit(span[end])
                || (span[end] is '.' or ',' or '\u00A0' or ' ' && end + 1 < span.Length && char.IsAsciiDigit(span[end + 1]))))
        {
            end++;
        }

        if (end == 0)
        {
            return null;
        }

        var digits = span[..end].ToString().Replace(",", string.Empty, StringComparison.Ordinal)
            .Replace("\u00A0", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        var rest = span[end..].TrimStart();
        var multiplier = rest.Length == 0 ? 1d : char.ToUpperInvariant(rest[0]) switch
        {
            'K' => 1e3,
            'M' => 1e6,
            'B' => 1e9,
            _ => 1d,
        };
        if (multiplier == 1d && digits.Count(c => c == '.') == 1 && digits.Length - digits.IndexOf('.', StringComparison.Ordinal) == 4)
        {
            digits = digits.Replace(".", string.Empty, StringComparison.Ordinal); // "1.234" as thousands separator
        }

        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? (long)Math.Round(value * multiplier)
            : null;
    }
}
