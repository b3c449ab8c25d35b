namespace Collector.Detection.Behaviour;

/// <summary>
/// An account's own week: its posts' times moved so that local midnight sits in the middle of its longest quiet stretch
/// of the day (people sleep there, whatever their zone), in 15-minute bins. This is the "zone that best explains a
/// working-day rhythm" without knowing the zone: for anyone who works by day, the middle of the night is about 03:00
/// local, so the day labels are the local days; the offset is kept to draw the week in UTC and in the configured zone.
/// </summary>
internal readonly record struct WeekFrame(int NightCentreUtcMinute)
{
    public const int BinMinutes = 15;
    public const int BinsPerDay = 1440 / BinMinutes;

    /// <summary>Minutes since Monday 00:00 UTC of a unix time (1970-01-01 was a Thursday).</summary>
    public static int UtcMinuteOfWeek(long unixSeconds) => (int)((((unixSeconds / 60) + (3 * 1440)) % 10080 + 10080) % 10080);

    /// <summary>Centres the frame's midnight on the longest circular gap between the posts' UTC times of day.</summary>
    public static WeekFrame Of(IReadOnlyList<long> unixSeconds)
    {
        if (unixSeconds.Count == 0)
        {
            return new WeekFrame(0);
        }

        var times = unixSeconds.Select(t => UtcMinuteOfWeek(t) % 1440).Order().ToArray();
        int bestGap = -1, bestStart = 0;
        for (var k = 0; k < times.Length; k++)
        {
            var next = k + 1 < times.Length ? times[k + 1] : times[0] + 1440;
            if (next - times[k] > bestGap)
            {
                bestGap = next - times[k];
                bestStart = times[k];
            }
        }

        return new WeekFrame((bestStart + (bestGap / 2)) % 1440);
    }

    /// <summary>Minutes since the frame's Monday midnight.</summary>
    public int MinuteOfWeek(long unixSeconds) => ((UtcMinuteOfWeek(unixSeconds) - NightCentreUtcMinute) % 10080 + 10080) % 10080;

    /// <summary>A frame minute of the day back to UTC minute of the day.</summary>
    public int ToUtcMinuteOfDay(int frameMinute) => (frameMinute + NightCentreUtcMinute) % 1440;

    /// <summary>The UTC offset (minutes) that puts the night's middle at 03:00 local: the zone the rhythm suggests.</summary>
    public int RhythmUtcOffset => 180 - NightCentreUtcMinute < -720 ? 180 - NightCentreUtcMinute + 1440 : 180 - NightCentreUtcMinute;

    /// <summary>The local weekday of a frame day (0 = the frame's first day), for the rhythm's zone.</summary>
    public DayOfWeek LocalDay(int frameDay) => (DayOfWeek)((frameDay + 1 + (180 - NightCentreUtcMinute < -720 ? 1 : 0)) % 7);
}
