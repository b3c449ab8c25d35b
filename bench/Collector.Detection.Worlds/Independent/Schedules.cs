using System.Globalization;

namespace Collector.Detection.Worlds.Independent;

/// <summary>When an account posts: a draw of a UTC instant inside its habits, within the world's days.</summary>
internal abstract class Schedule(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>A local day (0-based from the world's first Monday) and minute of the day the account would post at.</summary>
    protected abstract (int Day, int Minute) DrawLocal(Random random, int firstDay, int lastDay);

    /// <summary>Whether the account would be posting at this local day and minute (used to place reposts after an origin).</summary>
    public abstract bool Active(int day, int minute);

    public DateTimeOffset Draw(Random random, DateTime worldStart, int firstDay, int lastDay)
    {
        var (day, minute) = DrawLocal(random, firstDay, lastDay);
        return ToUtc(worldStart, day, minute, random.Next(60));
    }

    /// <summary>The first moment at or after <paramref name="after"/> the account is active (minute steps; null if none within 10 days).</summary>
    public DateTimeOffset? NextActive(DateTimeOffset after, DateTime worldStart, Random random)
    {
        var local = TimeZoneInfo.ConvertTime(after, Zone);
        var day = (int)Math.Floor((local.DateTime.Date - worldStart.Date).TotalDays);
        var minute = (int)local.TimeOfDay.TotalMinutes;
        for (var step = 0; step < 10 * 1440; step += 5)
        {
            var m = minute + step;
            var d = day + (m / 1440);
            if (Active(d, m % 1440))
            {
                // somewhere in the next quarter hour of activity, as people do not post on the minute the window opens
                var extra = random.Next(0, 15);
                var at = ToUtc(worldStart, d, m % 1440, random.Next(60)).AddMinutes(Active(d, (m + extra) % 1440) ? extra : 0);
                return at < after ? after.AddSeconds(random.Next(30, 300)) : at;
            }
        }

        return null;
    }

    protected DateTimeOffset ToUtc(DateTime worldStart, int day, int minute, int second)
    {
        var local = DateTime.SpecifyKind(worldStart.Date.AddDays(day).AddMinutes(minute).AddSeconds(second), DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    protected static bool IsWeekday(int day) => (((day % 7) + 7) % 7) < 5; // the world starts on a Monday
}

/// <summary>A working team's schedule: the same windows every weekday (a morning, an afternoon, perhaps an evening).</summary>
internal sealed class ShiftSchedule(TimeZoneInfo zone, IReadOnlyList<(int Start, int End)> windows) : Schedule(zone)
{
    public IReadOnlyList<(int Start, int End)> Windows { get; } = windows;

    public static ShiftSchedule Create(Random random, TimeZoneInfo zone, IndependentWorldOptions options)
    {
        var earliest = (int)options.WorkingDay.Earliest.ToTimeSpan().TotalMinutes;
        var latest = (int)options.WorkingDay.Latest.ToTimeSpan().TotalMinutes;
        var windows = new List<(int, int)>();
        var start = earliest + (30 * random.Next(0, 11)); // 07:00 .. 12:00 in half hours
        var count = random.Next(2, 4);
        for (var i = 0; i < count; i++)
        {
            var length = (i == 2 ? 90 : 150) + (15 * random.Next(0, 9));
            var end = Math.Min(start + length, latest);
            if (end - start < 60)
            {
                break;
            }

            windows.Add((start, end));
            start = end + options.BreakMinutes.Min + (15 * random.Next(0, ((options.BreakMinutes.Max - options.BreakMinutes.Min) / 15) + 1));
        }

        return new ShiftSchedule(zone, windows);
    }

    protected override (int Day, int Minute) DrawLocal(Random random, int firstDay, int lastDay)
    {
        int day;
        do
        {
            day = random.Next(firstDay, lastDay + 1);
        }
        while (!IsWeekday(day));

        var total = Windows.Sum(w => w.End - w.Start);
        var pick = random.Next(total);
        foreach (var (s, e) in Windows)
        {
            if (pick < e - s)
            {
                return (day, s + pick);
            }

            pick -= e - s;
        }

        return (day, Windows[0].Start);
    }

    public override bool Active(int day, int minute) => IsWeekday(day) && Windows.Any(w => minute >= w.Start && minute < w.End);

    public string Describe() => string.Join(", ", Windows.Select(w => string.Create(CultureInfo.InvariantCulture,
        $"{w.Start / 60:00}:{w.Start % 60:00}-{w.End / 60:00}:{w.End % 60:00}"))) + " " + Zone.Id;
}

/// <summary>Habits by hour of the day (local), with a weight for weekends; every day of the week is possible.</summary>
internal sealed class HabitSchedule(TimeZoneInfo zone, double[] hourWeights, double weekendWeight, double weekdayWeight = 1) : Schedule(zone)
{
    /// <summary>Ordinary people: little at night, a rise through the morning, most in the evening.</summary>
    public static readonly double[] Everyday =
        [0.4, 0.2, 0.1, 0.05, 0.05, 0.1, 0.4, 1.0, 1.4, 1.3, 1.2, 1.3, 1.6, 1.4, 1.2, 1.2, 1.3, 1.5, 1.8, 2.2, 2.4, 2.3, 1.8, 1.0];

    /// <summary>Awake from evening into the small hours.</summary>
    public static readonly double[] NightOwl =
        [2.0, 2.0, 1.6, 0.8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.2, 1.0, 2.0, 2.2];

    /// <summary>Posts from the desk during the day (no fixed break) and some evenings.</summary>
    public static readonly double[] Daytime =
        [0, 0, 0, 0, 0, 0, 0, 0.2, 1.0, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.2, 0.8, 0.4, 0.5, 0.5, 0.4, 0.2, 0];

    /// <summary>News junkies: from breakfast until late, any day.</summary>
    public static readonly double[] Restless =
        [0.8, 0.4, 0.2, 0.1, 0.1, 0.3, 1.0, 1.6, 1.6, 1.4, 1.4, 1.4, 1.5, 1.4, 1.4, 1.4, 1.4, 1.5, 1.6, 1.7, 1.8, 1.8, 1.6, 1.2];

    protected override (int Day, int Minute) DrawLocal(Random random, int firstDay, int lastDay)
    {
        int day;
        do
        {
            day = random.Next(firstDay, lastDay + 1);
        }
        while (random.NextDouble() > (IsWeekday(day) ? weekdayWeight : weekendWeight) / Math.Max(weekdayWeight, weekendWeight));

        var total = hourWeights.Sum();
        var pick = random.NextDouble() * total;
        var hour = 0;
        while (hour < 23 && pick >= hourWeights[hour])
        {
            pick -= hourWeights[hour];
            hour++;
        }

        return (day, (hour * 60) + random.Next(60));
    }

    public override bool Active(int day, int minute) => hourWeights[minute / 60] > 0 && (IsWeekday(day) ? weekdayWeight : weekendWeight) > 0;
}
