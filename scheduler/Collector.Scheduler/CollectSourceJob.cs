using Collector.Storage;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Collector.Scheduler;

/// <summary>
/// The Quartz job of one source. Thin by design: it asks <see cref="SourceRunCoordinator"/> to run its source and
/// nothing more. Quartz never runs two instances of one job key at once (one job per source).
/// </summary>
[DisallowConcurrentExecution]
public sealed class CollectSourceJob(SourceRunCoordinator coordinator, ILogger<CollectSourceJob> logger) : IJob
{
    public const string SourceKey = "source";
    public const string ReasonKey = "reason";
    public const string Group = "sources";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var source = context.MergedJobDataMap.GetString(SourceKey);
        if (source is null)
        {
            logger.LogError("job {Job} has no source name", context.JobDetail.Key);
            return;
        }

        var reason = context.MergedJobDataMap.GetString(ReasonKey) ?? "schedule";
        var trigger = new RunTrigger
        {
            ScheduledAt = OriginalScheduledFireTime(context) ?? context.ScheduledFireTimeUtc,
            Reason = reason,
            Node = context.Scheduler.SchedulerInstanceId,
            Coalesced = context.Recovering ? null : FoldedFires(context.Trigger as ICronTrigger, context.PreviousFireTimeUtc, context.ScheduledFireTimeUtc, context.NextFireTimeUtc),
        };
        await coordinator.RunAsync(source, trigger, cancellationToken);
    }

    /// <summary>
    /// The cron fires this run stands in for. Quartz fires a cron trigger whose fire is later than the misfire
    /// threshold once, now, and moves on ("fire once now"); the fires it skipped never run on their own. Depending on
    /// when the store applied the misfire, they lie between the trigger's previous fire and this one's scheduled time,
    /// or between this one's scheduled time and the next fire it was moved on to. On time, both gaps are empty.
    /// Counting stops at a million (a schedule of seconds left off for weeks); the first and last are exact.
    /// </summary>
    public static CoalescedFires? FoldedFires(ICronTrigger? trigger, DateTimeOffset? previous, DateTimeOffset? scheduled, DateTimeOffset? next)
    {
        if (trigger?.CronExpressionString is not { } cron || scheduled is not { } at)
        {
            return null;
        }

        var expression = new CronExpression(cron, trigger.TimeZone);
        var before = previous is { } from ? Between(expression, from, at) : null;
        var after = next is { } to ? Between(expression, at, to) : null;
        return (before, after) switch
        {
            (null, null) => null,
            ({ } b, null) => b,
            (null, { } a) => a,
            ({ } b, { } a) => new CoalescedFires(Math.Min(b.Count + a.Count, MaxCounted), b.First, a.Last),
        };
    }

    private const long MaxCounted = 1_000_000;

    private static CoalescedFires? Between(CronExpression expression, DateTimeOffset from, DateTimeOffset to)
    {
        if (expression.GetNextValidTimeAfter(from) is not { } first || first >= to)
        {
            return null;
        }

        var last = first;
        long count = 1;
        for (var fire = expression.GetNextValidTimeAfter(first); fire is { } f && f < to; fire = expression.GetNextValidTimeAfter(f))
        {
            last = f;
            if (++count >= MaxCounted)
            {
                last = expression.GetPreviousValidTimeBefore(to) ?? f;
                break;
            }
        }

        return new CoalescedFires(count, first, last);
    }

    /// <summary>
    /// A fire recovered after its node died runs under a recovery trigger of its own, fired now; the fire it stands
    /// for is in the trigger's data. The run is recorded under that original time, so that the schedule's accounting
    /// and the 'already ran' check see the one fire, not a new one at an odd second.
    /// </summary>
    internal static DateTimeOffset? OriginalScheduledFireTime(IJobExecutionContext context)
    {
        if (!context.Recovering || context.MergedJobDataMap.GetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime) is not { Length: > 0 } text)
        {
            return null;
        }

        if (long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            // Quartz has written it as Unix milliseconds (Java's form) or as .NET ticks
            return number > 100_000_000_000_000L ? new DateTimeOffset(number, TimeSpan.Zero) : DateTimeOffset.FromUnixTimeMilliseconds(number);
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : null;
    }
}
