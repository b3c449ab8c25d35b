namespace Collector.Detection.Behaviour;

/// <summary>
/// A working week in UTC quarter hours (Monday 00:00 UTC first): the bins an account (or a shift group) works in, on its
/// working days and inside its windows. Everything else (its breaks, its nights, its rest days) is off.
/// </summary>
internal sealed class WeekMask
{
    public const int Bins = 7 * WeekFrame.BinsPerDay;

    private readonly bool[] bins;

    private WeekMask(bool[] bins) => this.bins = bins;

    /// <summary>An account's learned schedule: its windows (frame minutes of the day) on every frame day but its two rest days.</summary>
    public static WeekMask Of(WeekFrame frame, int restStart, IReadOnlyList<(int From, int To)> windows)
    {
        var bins = new bool[Bins];
        for (var day = 0; day < 7; day++)
        {
            if (day == restStart || day == (restStart + 1) % 7)
            {
                continue;
            }

            foreach (var (from, to) in windows)
            {
                for (var minute = from; minute < to; minute++)
                {
                    bins[Bin(frame, (day * 1440) + minute)] = true;
                }
            }
        }

        return new WeekMask(bins);
    }

    /// <summary>The bins any member works in.</summary>
    public static WeekMask Union(IReadOnlyList<WeekMask> members)
    {
        var bins = new bool[Bins];
        for (var b = 0; b < Bins; b++)
        {
            bins[b] = members.Any(m => m.bins[b]);
        }

        return new WeekMask(bins);
    }

    /// <summary>Whether a unix time falls in a working bin.</summary>
    public bool Contains(long unixSeconds) => bins[WeekFrame.UtcMinuteOfWeek(unixSeconds) / WeekFrame.BinMinutes];

    /// <summary>
    /// The mask in another account's frame: for each of its frame days, the quarter hours of the day (taken at their
    /// middle) that fall in a working bin. This is what an ordinary account's baseline is asked about.
    /// </summary>
    public bool[][] InFrame(WeekFrame frame)
    {
        var days = new bool[7][];
        for (var day = 0; day < 7; day++)
        {
            days[day] = new bool[WeekFrame.BinsPerDay];
            for (var b = 0; b < WeekFrame.BinsPerDay; b++)
            {
                days[day][b] = bins[Bin(frame, (day * 1440) + (b * WeekFrame.BinMinutes) + (WeekFrame.BinMinutes / 2))];
            }
        }

        return days;
    }

    /// <summary>
    /// Whether the working days share a break: the quarter hours worked on any day, read round the clock, form two or
    /// more runs (one gap is the night; another is a break every working day keeps).
    /// </summary>
    public bool HasBreak()
    {
        var day = TimeOfDay();
        var starts = Enumerable.Range(0, day.Length).Count(b => day[b] && !day[(b + day.Length - 1) % day.Length]);
        return starts >= 2;
    }

    /// <summary>The UTC minutes of the day (from, to) worked on at least one day: the windows to report.</summary>
    public IReadOnlyList<(int From, int To)> UtcWindows()
    {
        var windows = new List<(int, int)>();
        var day = TimeOfDay();
        for (var b = 0; b < day.Length; b++)
        {
            if (day[b] && (b == 0 || !day[b - 1]))
            {
                var end = b;
                while (end + 1 < day.Length && day[end + 1])
                {
                    end++;
                }

                windows.Add((b * WeekFrame.BinMinutes, (end + 1) * WeekFrame.BinMinutes));
            }
        }

        return windows;
    }

    private bool[] TimeOfDay() =>
        Enumerable.Range(0, WeekFrame.BinsPerDay).Select(b => Enumerable.Range(0, 7).Any(d => bins[(d * WeekFrame.BinsPerDay) + b])).ToArray();

    private static int Bin(WeekFrame frame, int frameMinuteOfWeek) =>
        (frameMinuteOfWeek + frame.NightCentreUtcMinute) % 10080 / WeekFrame.BinMinutes;
}
