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
            ScheduledAt = context.ScheduledFireTimeUtc,
            Reason = reason,
            Node = context.Scheduler.SchedulerInstanceId,
        };
        await coordinator.RunAsync(source, trigger, cancellationToken);
    }
}
