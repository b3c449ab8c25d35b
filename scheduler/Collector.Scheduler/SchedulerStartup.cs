using Microsoft.Extensions.Hosting;

namespace Collector.Scheduler;

/// <summary>After Quartz has started: schedule the configured sources, then catch up fires missed while stopped.</summary>
public sealed class SchedulerStartup(ConfigState state, ScheduleSynchronizer synchronizer, MissedRunCatchUp catchUp) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await synchronizer.ApplyAsync(state.Current.Options, cancellationToken);
        await catchUp.CatchUpAsync(state.Current.Options, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
