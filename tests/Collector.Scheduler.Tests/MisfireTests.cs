using Collector.Storage;
using Quartz;
using Quartz.Impl.Triggers;

namespace Collector.Scheduler.Tests;

/// <summary>
/// Fires later than the misfire threshold are folded by Quartz into one run ("fire once now"); that run must say which
/// fires it stands in for, so that the run history accounts for every fire of the schedule.
/// </summary>
public sealed class MisfireTests
{
    [Fact]
    public async Task Run_JobLongerThanMisfireThreshold_NextRunRecordsEveryFireItStandsFor()
    {
        await using var harness = new SchedulerHarness("""
            { "storage": { "uri": "{STORE}" },
              "scheduler": { "misfireThreshold": "1s" },
              "sources": [ { "name": "slow", "targets": ["https://slow.example/"], "schedule": "* * * * * ?" } ] }
            """);
        harness.Collector.Durations["slow"] = TimeSpan.FromSeconds(4);
        await harness.StartAsync();

        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(30);
        IReadOnlyList<RunRecord> runs;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
            runs = [.. (await harness.RunsAsync("slow")).Where(r => r.EndedAt is not null).OrderBy(r => r.ScheduledAt)];
        }
        while (runs.Count < 3 && TimeProvider.System.GetUtcNow() < deadline);

        Assert.True(runs.Count >= 3, $"only {runs.Count} runs ended");
        Assert.Contains(runs, r => r.Coalesced is not null);

        // every second from the first fire to the last is either a run's own fire or inside exactly one run's folded range
        var first = runs[0].ScheduledAt!.Value;
        var last = runs[^1].ScheduledAt!.Value;
        for (var fire = first; fire <= last; fire += TimeSpan.FromSeconds(1))
        {
            var own = runs.Count(r => r.ScheduledAt == fire);
            var folded = runs.Count(r => r.Coalesced?.Covers(fire) == true);
            Assert.True(own + folded == 1, $"fire {fire:HH:mm:ss} accounted {own} times as a run and {folded} times as folded: "
                + string.Join("; ", runs.Select(r => $"{r.ScheduledAt:HH:mm:ss} {r.Coalesced}")));
        }

        // a folded range holds every second of its span, no more
        Assert.All(runs.Select(r => r.Coalesced).OfType<CoalescedFires>(), c => Assert.Equal((long)(c.Last - c.First).TotalSeconds + 1, c.Count));
    }

    [Fact]
    public void FoldedFires_GapInACronSchedule_CountsTheFiresBetween()
    {
        var trigger = new CronTriggerImpl("t", "g", "*/2 * * * * ?") { TimeZone = TimeZoneInfo.Utc };
        var previous = new DateTimeOffset(2026, 12, 7, 12, 44, 18, TimeSpan.Zero);
        var scheduled = new DateTimeOffset(2026, 12, 7, 12, 45, 26, TimeSpan.Zero);

        // the store applied the misfire before the fire: the gap lies before it
        Assert.Equal(new CoalescedFires(33, previous.AddSeconds(2), scheduled.AddSeconds(-2)), CollectSourceJob.FoldedFires(trigger, previous, scheduled, scheduled.AddSeconds(2)));

        // applied at the fire: the trigger moved on from its scheduled time to a later next fire
        Assert.Equal(new CoalescedFires(33, previous.AddSeconds(2), scheduled.AddSeconds(-2)), CollectSourceJob.FoldedFires(trigger, previous.AddSeconds(-2), previous, scheduled));

        // a "fire now" at an odd instant as the previous fire does not count the grid fire after it twice
        Assert.Null(CollectSourceJob.FoldedFires(trigger, previous.AddSeconds(1.3), previous.AddSeconds(2), previous.AddSeconds(4)));

        Assert.Null(CollectSourceJob.FoldedFires(trigger, previous, previous.AddSeconds(2), previous.AddSeconds(4))); // on time: nothing folded
        Assert.Null(CollectSourceJob.FoldedFires(trigger, null, scheduled, null)); // a new trigger's first and last fire
    }
}
