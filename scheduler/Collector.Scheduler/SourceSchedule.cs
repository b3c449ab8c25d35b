using Collector.Configuration;
using Quartz;

namespace Collector.Scheduler;

/// <summary>One source's schedule: its Quartz cron expression in its time zone.</summary>
public sealed record SourceSchedule(string Source, string QuartzCron, TimeZoneInfo TimeZone)
{
    public static SourceSchedule? For(SourceOptions source)
    {
        var cron = CronSchedule.ToQuartz(source.Schedule, out _);
        if (cron is null || !source.Enabled)
        {
            return null;
        }

        var zone = source.TimeZone is { } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;
        return new SourceSchedule(source.Name, cron, zone);
    }

    public DateTimeOffset? NextAfter(DateTimeOffset instant) => Expression().GetNextValidTimeAfter(instant);

    /// <summary>The typical gap between fires (for backoff), measured from the next two fires after <paramref name="instant"/>.</summary>
    public TimeSpan Interval(DateTimeOffset instant)
    {
        var first = NextAfter(instant);
        var second = first is null ? null : NextAfter(first.Value);
        return first is null || second is null ? TimeSpan.FromHours(1) : second.Value - first.Value;
    }

    /// <summary>The latest fire time strictly before <paramref name="instant"/>.</summary>
    public DateTimeOffset? PreviousBefore(DateTimeOffset instant) => Expression().GetPreviousValidTimeBefore(instant);

    public CronExpression Expression() => new(QuartzCron, TimeZone);
}
