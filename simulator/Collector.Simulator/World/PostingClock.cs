namespace Collector.Simulator.World;

/// <summary>When accounts post: ordinary users at any hour of any day; shift workers only in Beijing office hours.</summary>
public static class PostingClock
{
    /// <summary>Beijing is UTC+8 all year.</summary>
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    /// <summary>The shift's working windows in Beijing local time: morning, afternoon after lunch, evening after supper.</summary>
    public static readonly IReadOnlyList<(TimeSpan Start, TimeSpan End)> ShiftWindows =
    [
        (new TimeSpan(9, 0, 0), new TimeSpan(12, 0, 0)),
        (new TimeSpan(13, 30, 0), new TimeSpan(17, 30, 0)),
        (new TimeSpan(19, 0, 0), new TimeSpan(21, 0, 0)),
    ];

    /// <summary>Any instant in [from, to).</summary>
    public static DateTimeOffset AnyTime(Random random, DateTimeOffset from, DateTimeOffset to)
    {
        var span = (long)(to - from).TotalSeconds;
        return from.AddSeconds(span <= 0 ? 0 : random.NextInt64(span));
    }

    /// <summary>True when the instant falls in a Beijing weekday shift window.</summary>
    public static bool IsShiftTime(DateTimeOffset instant)
    {
        var local = instant.ToOffset(BeijingOffset);
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        var t = local.TimeOfDay;
        return ShiftWindows.Any(w => t >= w.Start && t < w.End);
    }

    /// <summary>A shift-time instant in [from, to), or null when the range holds no weekday shift time.</summary>
    public static DateTimeOffset? ShiftTime(Random random, DateTimeOffset from, DateTimeOffset to)
    {
        var slots = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        var day = new DateTimeOffset(from.ToOffset(BeijingOffset).Date, BeijingOffset).AddDays(-1);
        for (; day < to; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            foreach (var (start, end) in ShiftWindows)
            {
                var s = Max(day + start, from);
                var e = Min(day + end, to);
                if (e > s)
                {
                    slots.Add((s, e));
                }
            }
        }

        if (slots.Count == 0)
        {
            return null;
        }

        var total = slots.Sum(s => (long)(s.End - s.Start).TotalSeconds);
        var pick = random.NextInt64(Math.Max(1, total));
        foreach (var (start, end) in slots)
        {
            var len = (long)(end - start).TotalSeconds;
            if (pick < len)
            {
                return start.AddSeconds(pick).ToUniversalTime();
            }

            pick -= len;
        }

        return slots[^1].Start.ToUniversalTime();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
