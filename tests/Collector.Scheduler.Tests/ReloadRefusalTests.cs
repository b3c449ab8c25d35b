using Collector.Scheduler;

namespace Collector.Scheduler.Tests;

/// <summary>Reloads the issue found stopping `collector run`: each refused and logged, and the old schedule keeps running.</summary>
public sealed class ReloadRefusalTests
{
    [Theory]
    [InlineData("\"0 0 31 2 *\"")] // a cron that never fires
    [InlineData("\"* * * * * ?\", \"schedule\": \"* * * * * ?\"")] // a duplicate key
    public async Task Reload_ChangeThatCouldNeverRun_RefusedAndTheOldScheduleKeepsRunning(string schedule)
    {
        await using var harness = new SchedulerHarness("""
            { "storage": { "uri": "{STORE}" },
              "sources": [ { "name": "first", "targets": ["https://a.example/"], "schedule": "* * * * * ?" } ] }
            """);
        await harness.StartAsync();
        var reloader = (ConfigReloader)harness.Host.Services.GetService(typeof(ConfigReloader))!;
        var original = await File.ReadAllTextAsync(harness.ConfigPath, TestContext.Current.CancellationToken);

        await File.WriteAllTextAsync(harness.ConfigPath, original.Replace("\"* * * * * ?\"", schedule, StringComparison.Ordinal), TestContext.Current.CancellationToken);
        Assert.False(await reloader.ReloadAsync(harness.ConfigPath, TestContext.Current.CancellationToken));
        var before = (await harness.RunsAsync("first")).Count;
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);

        Assert.True((await harness.RunsAsync("first")).Count > before, "the old every-second schedule keeps running");
        Assert.False(harness.Host.Services.GetService(typeof(Microsoft.Extensions.Hosting.IHostApplicationLifetime)) is Microsoft.Extensions.Hosting.IHostApplicationLifetime life
            && life.ApplicationStopping.IsCancellationRequested);
    }
}
