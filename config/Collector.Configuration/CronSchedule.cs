using System.Globalization;
using Quartz;

namespace Collector.Configuration;

/// <summary>Reads the schedules users write: standard 5-field cron, or Quartz cron (6/7 fields, with seconds).</summary>
public static class CronSchedule
{
    /// <summary>Converts to a Quartz cron expression, or returns null with the reason.</summary>
    public static string? ToQuartz(string? expression, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(expression))
        {
            error = "a cron expression is required";
            return null;
        }

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string quartz;
        if (fields.Length == 5)
        {
            var (dom, dow) = (fields[2], fields[4]);
            if (dow == "*")
            {
                dow = "?";
            }
            else if (dom == "*")
            {
                dom = "?";
                dow = ShiftWeekdays(dow);
            }
            else
            {
                error = $"'{expression}' names both a day of month and a day of week, which Quartz cannot combine";
                return null;
            }

            quartz = $"0 {fields[0]} {fields[1]} {dom} {fields[3]} {dow}";
        }
        else if (fields.Length is 6 or 7)
        {
            quartz = string.Join(' ', fields);
        }
        else
        {
            error = $"'{expression}' is not a cron expression: expected 5 fields (minute hour day month weekday) or 6-7 Quartz fields with seconds";
            return null;
        }

        try
        {
            // a schedule that can never fire (30 February, a year gone by) would leave its source silent for good
            if (new CronExpression(quartz).GetNextValidTimeAfter(DateTimeOffset.UnixEpoch) is null)
            {
                error = $"'{expression}' never fires";
                return null;
            }

            return quartz;
        }
        catch (FormatException ex)
        {
            error = $"'{expression}' is not a valid cron expression: {ex.Message}";
            return null;
        }
    }

    // Standard cron numbers weekdays 0-7 from Sunday; Quartz numbers them 1-7 from Sunday. Names pass through.
    private static string ShiftWeekdays(string field)
    {
        var chars = new System.Text.StringBuilder();
        var i = 0;
        while (i < field.Length)
        {
            if (char.IsAsciiDigit(field[i]) && (i == 0 || field[i - 1] != '/'))
            {
                var start = i;
                while (i < field.Length && char.IsAsciiDigit(field[i]))
                {
                    i++;
                }

                var n = int.Parse(field.AsSpan(start, i - start), CultureInfo.InvariantCulture);
                chars.Append(((n % 7) + 1).ToString(CultureInfo.InvariantCulture));
                continue;
            }

            chars.Append(field[i]);
            i++;
        }

        return chars.ToString();
    }
}
