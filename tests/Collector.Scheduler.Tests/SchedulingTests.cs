using Collector.Storage;

namespace Collector.Scheduler.Tests;

/// <summary>Real Quartz, real seconds-level cron, a real SQLite run history.</summary>
public sealed class SchedulingTests
{
    private const string TwoSources = """
        { "storage": { "uri": "{STORE}" },
          "sources": [
            { "name": "slow", "targets": ["https://slow.example/"], "schedule": "* * * * * ?" },
            { "name": "steady", "targets": ["https://steady.example/"], "schedule": "* * * * * ?" } ] }
        """;

    [Fact]
    public async Task Run_SecondsSchedule_FiresRepeatedlyAndRecordsEveryRun()
    {
        await using var harness = new SchedulerHarness(TwoSources);
        await harness.StartAsync();

        await Task.Delay(TimeSpan.FromSeconds(4.5), TestContext.Current.CancellationToken);

        var runs = await harness.RunsAsync("steady");
        Assert.InRange(runs.Count, 3, 7);
        Assert.All(runs.Where(r => r.EndedAt is not null), r => Assert.Equal(RunOutcomes.Succeeded, r.Outcome));
        Assert.All(runs, r => Assert.NotNull(r.ScheduledAt));
        Assert.Equal(runs.Count, runs.Select(r => r.ScheduledAt).Distinct().Count());
    }

    [Fact]
    public async Task Run_JobLongerThanInterval_NeverOverlaps()
    {
        await using var harness = new SchedulerHarness(TwoSources);
        harness.Collector.Durations["slow"] = TimeSpan.FromSeconds(2.2);
        await harness.StartAsync();

        await Task.Delay(TimeSpan.FromSeconds(6), TestContext.Current.CancellationToken);

        var slow = harness.Collector.Calls.Where(c => c.Source == "slow").OrderBy(c => c.Start).ToList();
        Assert.True(slow.Count >= 2, $"only {slow.Count} runs of the slow source");
        Assert.Equal(1, harness.Collector.MaxConcurrentPerSource);
        for (var i = 1; i < slow.Count; i++)
        {
            Assert.True(slow[i].Start >= slow[i - 1].End, $"run {i} started {slow[i].Start:O} before run {i - 1} ended {slow[i - 1].End:O}");
        }
    }

    [Fact]
    public async Task Run_OneSourceFailing_OthersKeepRunningAndFailuresAreRecorded()
    {
        await using var harness = new SchedulerHarness(TwoSources);
        harness.Collector.Failing["slow"] = true;
        await harness.StartAsync();

        await Task.Delay(TimeSpan.FromSeconds(4.5), TestContext.Current.CancellationToken);

        var steady = await harness.RunsAsync("steady");
        var failing = await harness.RunsAsync("slow");
        Assert.True(steady.Count >= 3, $"steady ran {steady.Count} times");
        Assert.NotEmpty(failing);
        Assert.All(failing.Where(r => r.EndedAt is not null), r =>
        {
            Assert.Equal(RunOutcomes.Failed, r.Outcome);
            Assert.Contains("host unreachable", r.Errors[0], StringComparison.Ordinal);
        });
        Assert.True(failing.Count < steady.Count, $"the failing source should back off: {failing.Count} runs vs {steady.Count}");
    }

    [Fact]
    public async Task Start_LastRunOlderThanLatestFire_CatchesUpOnceThenFollowsSchedule()
    {
        const string hourly = """
            { "storage": { "uri": "{STORE}" },
              "sources": [ { "name": "hourly", "targets": ["https://h.example/"], "schedule": "0 0 * * * ?" } ] }
            """;
        await using var harness = new SchedulerHarness(hourly);
        await harness.OpenArchiveAsync();
        var longAgo = TimeProvider.System.GetUtcNow().AddHours(-5);
        await harness.Archive.Runs.SaveAsync(new RunRecord
        {
            Id = "old-run", Source = "hourly", StartedAt = longAgo, EndedAt = longAgo.AddMinutes(1), Outcome = RunOutcomes.Succeeded,
        });

        await harness.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);

        var runs = await harness.RunsAsync("hourly");
        Assert.Equal(2, runs.Count); // the old one and exactly one catch-up, although five fires were missed
    }

    [Fact]
    public async Task Start_NeverRanBefore_DoesNotCatchUp()
    {
        const string hourly = """
            { "storage": { "uri": "{STORE}" },
              "sources": [ { "name": "hourly", "targets": ["https://h.example/"], "schedule": "0 0 * * * ?" } ] }
            """;
        await using var harness = new SchedulerHarness(hourly);
        await harness.StartAsync();

        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        Assert.Empty(await harness.RunsAsync("hourly"));
    }

    [Fact]
    public async Task Reload_InvalidChangeRefused_ValidChangeApplied()
    {
        await using var harness = new SchedulerHarness("""
            { "storage": { "uri": "{STORE}" },
              "sources": [ { "name": "first", "targets": ["https://a.example/"], "schedule": "* * * * * ?" } ] }
            """);
        await harness.StartAsync();
        var reloader = (ConfigReloader)harness.Host.Services.GetService(typeof(ConfigReloader))!;
        var original = await File.ReadAllTextAsync(harness.ConfigPath, TestContext.Current.CancellationToken);

        await File.WriteAllTextAsync(harness.ConfigPath, original.Replace("* * * * * ?", "every second", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        Assert.False(await reloader.ReloadAsync(harness.ConfigPath, TestContext.Current.CancellationToken));
        await Task.Delay(TimeSpan.FromSeconds(2.2), TestContext.Current.CancellationToken);
        Assert.NotEmpty(await harness.RunsAsync("first")); // the old schedule keeps running

        var added = original.Replace(
            "\"schedule\": \"* * * * * ?\" }",
            "\"schedule\": \"* * * * * ?\" }, { \"name\": \"second\", \"targets\": [\"https://b.example/\"], \"schedule\": \"* * * * * ?\" }",
            StringComparison.Ordinal);
        await File.WriteAllTextAsync(harness.ConfigPath, added, TestContext.Current.CancellationToken);
        Assert.True(await reloader.ReloadAsync(harness.ConfigPath, TestContext.Current.CancellationToken));
        await Task.Delay(TimeSpan.FromSeconds(2.2), TestContext.Current.CancellationToken);

        Assert.NotEmpty(await harness.RunsAsync("second"));
    }
}
