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
        };
        await coordinator.RunAsync(source, trigger, cancellationToken);
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
