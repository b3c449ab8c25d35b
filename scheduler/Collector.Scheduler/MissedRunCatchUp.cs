using Collector.Configuration;
using Collector.Storage;
using Microsoft.Extensions.Logging;

namespace Collector.Scheduler;

/// <summary>
/// At start-up: a source whose last run is older than its latest scheduled fire missed that fire (the machine was off);
/// it runs once now, then its schedule resumes. Several missed fires still make only one catch-up run.
/// </summary>
public sealed partial class MissedRunCatchUp(IRunStore runs, ScheduleSynchronizer synchronizer, TimeProvider time, ILogger<MissedRunCatchUp> logger)
{
    public async Task<IReadOnlyList<string>> CatchUpAsync(CollectorOptions options, CancellationToken cancellationToken)
    {
        var caught = new List<string>();
        var now = time.GetUtcNow();
        foreach (var source in options.Sources)
        {
            if (SourceSchedule.For(source) is not { } schedule)
            {
                continue;
            }

            var recent = await runs.ListAsync(source.Name, 1, cancellationToken);
            var last = recent.Count > 0 ? recent[0] : null;
            if (last is null)
            {
                continue; // never ran: nothing was missed, the schedule starts now
            }

            var previousFire = schedule.PreviousBefore(now);
            var lastStart = last.ScheduledAt ?? last.StartedAt;
            if (previousFire is { } missed && lastStart < missed && now - missed > TimeSpan.FromSeconds(1))
            {
                if (await synchronizer.FireOnceAsync(source.Name, "catch-up", missed.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken))
                {
                    LogMissed(logger, source.Name, missed, lastStart);
                    caught.Add(source.Name);
                }
            }
        }

        return caught;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "source {Source} missed its fire at {Missed:u} (last run {Last:u}): running it once now")]
    private static partial void LogMissed(ILogger logger, string source, DateTimeOffset missed, DateTimeOffset last);
}
