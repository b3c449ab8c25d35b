using Collector.Configuration;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Collector.Scheduler;

/// <summary>Makes Quartz's jobs match the configured sources: one job and one cron trigger per scheduled source.</summary>
public sealed partial class ScheduleSynchronizer(ISchedulerFactory factory, TimeProvider time, ILogger<ScheduleSynchronizer> logger)
{
    private readonly HashSet<string> scheduled = new(StringComparer.OrdinalIgnoreCase);

    public static JobKey JobKeyFor(string source) => new(source, CollectSourceJob.Group);

    public static TriggerKey TriggerKeyFor(string source) => new(source, CollectSourceJob.Group);

    /// <summary>Schedules every enabled source that has a schedule, replaces changed ones, removes the rest.</summary>
    public async Task ApplyAsync(CollectorOptions options, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var wanted = options.Sources.Select(SourceSchedule.For).OfType<SourceSchedule>().ToList();
        foreach (var schedule in wanted)
        {
            var job = JobBuilder.Create<CollectSourceJob>()
                .WithIdentity(JobKeyFor(schedule.Source))
                .UsingJobData(CollectSourceJob.SourceKey, schedule.Source)
                .WithDescription($"collect source '{schedule.Source}'")
                .StoreDurably(true)
                .RequestRecovery(true)
                .Build();
            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(TriggerKeyFor(schedule.Source))
                .ForJob(job)
                .WithSchedule(CronScheduleBuilder.Create(schedule.QuartzCron)
                    .InTimeZone(schedule.TimeZone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
            scheduled.Add(schedule.Source);
            LogScheduled(logger, schedule.Source, schedule.QuartzCron, schedule.TimeZone.Id, schedule.NextAfter(time.GetUtcNow()));
        }

        var keep = wanted.Select(w => w.Source).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var gone in scheduled.Where(s => !keep.Contains(s)).ToList())
        {
            await scheduler.DeleteJob(JobKeyFor(gone), cancellationToken);
            scheduled.Remove(gone);
            LogRemoved(logger, gone);
        }
    }

    /// <summary>Fires a source's job once now (a catch-up for a missed fire); idempotent across cluster nodes by key.</summary>
    public async Task<bool> FireOnceAsync(string source, string reason, string key, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(new TriggerKey($"{source}:{key}", "catch-up"))
            .ForJob(JobKeyFor(source))
            .UsingJobData(CollectSourceJob.ReasonKey, reason)
            .StartNow()
            .Build();
        try
        {
            await scheduler.ScheduleJob(trigger, default, cancellationToken);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false; // another node already caught this one up
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "scheduled source {Source}: '{Cron}' ({Zone}), next fire {Next:u}")]
    private static partial void LogScheduled(ILogger logger, string source, string cron, string zone, DateTimeOffset? next);

    [LoggerMessage(Level = LogLevel.Information, Message = "source {Source} removed from the schedule")]
    private static partial void LogRemoved(ILogger logger, string source);
}
