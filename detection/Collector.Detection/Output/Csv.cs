using System.Globalization;
using System.Text;
using Collector.Model.Tables;

namespace Collector.Detection.Output;

/// <summary>Detection's CSV rows, written by the one CSV writer of Collector (<see cref="CsvWriter"/>).</summary>
internal static class Csv
{
    public static void Row(StringBuilder builder, params object?[] fields)
    {
        using var writer = new StringWriter(builder, CultureInfo.InvariantCulture);
        new CsvWriter(writer).WriteRow(fields);
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
