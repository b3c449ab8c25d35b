using Collector.Configuration;
using Collector.Storage;

namespace Collector.Scheduler;

/// <summary>A source at a glance: its schedule, next fire, last run, failures in a row and the backoff they cause.</summary>
public sealed record SourceStatus(
    string Source, string Platform, string? Schedule, string? TimeZone, bool Enabled, DateTimeOffset? NextFire, RunRecord? LastRun,
    int ConsecutiveFailures, TimeSpan Backoff, DateTimeOffset? RetryNotBefore);

/// <summary>What `collector status` (and `collector serve`'s collection page) shows for each configured source.</summary>
public static class SourceStatusReport
{
    /// <summary>Runs read per source to count the failures in a row.</summary>
    public const int RecentRuns = 20;

    public static async Task<IReadOnlyList<SourceStatus>> ComputeAsync(CollectorOptions options, IArchive archive, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = new List<SourceStatus>();
        foreach (var source in options.Sources)
        {
            var recent = await archive.Runs.ListAsync(source.Name, RecentRuns, cancellationToken);
            var schedule = SourceSchedule.For(source);
            var failures = recent.TakeWhile(r => r.Outcome == RunOutcomes.Failed).Count();
            var backoff = schedule is null ? TimeSpan.Zero : SourceHealth.Backoff(failures, schedule.Interval(now), options.Scheduler.MaxBackoff);
            var last = recent.Count > 0 ? recent[0] : null;
            rows.Add(new SourceStatus(
                source.Name, source.Platform, source.Schedule, schedule?.TimeZone.Id, source.Enabled, schedule?.NextAfter(now), last,
                failures, backoff, backoff > TimeSpan.Zero && last is not null ? (last.EndedAt ?? last.StartedAt) + backoff : null));
        }

        return rows;
    }
}
