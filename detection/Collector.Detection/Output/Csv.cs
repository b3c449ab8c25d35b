using System.Globalization;
using System.Text;

namespace Collector.Detection.Output;

/// <summary>RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; UTF-8, LF line ends.</summary>
internal static class Csv
{
    public static string Field(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            DateTimeOffset t => Model.UtcDateTimeOffsetConverter.ToWire(t),
            bool b => b ? "true" : "false",
            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static void Row(StringBuilder builder, params object?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(Field(fields[i]));
        }

        builder.Append('\n');
    }
}

/// <summary>Short labels for windows: 1m, 10m, 1h, 6h, 7m30s.</summary>
public static class WindowLabel
{
    public static string Of(TimeSpan window)
    {
        if (window.TotalSeconds < 60)
        {
            return ((int)window.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
        }

        var parts = new StringBuilder();
        if (window.Days > 0)
        {
            parts.Append(window.Days).Append('d');
        }

        if (window.Hours > 0)
        {
            parts.Append(window.Hours).Append('h');
        }

        if (window.Minutes > 0)
        {
            parts.Append(window.Minutes).Append('m');
        }

        if (window.Seconds > 0)
        {
            parts.Append(window.Seconds).Append('s');
        }

        return parts.ToString();
    }
}
