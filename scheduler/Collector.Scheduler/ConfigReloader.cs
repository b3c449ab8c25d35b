using Collector.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Collector.Scheduler;

/// <summary>
/// Watches the configuration file: a valid change is applied without a restart (sources rescheduled); an invalid one
/// is refused with every problem listed while the old schedule keeps running; a change of storage or cluster settings
/// is reported as needing a restart.
/// </summary>
public sealed partial class ConfigReloader(
    ConfigState state,
    ScheduleSynchronizer synchronizer,
    TimeProvider time,
    ILogger<ConfigReloader> logger) : BackgroundService
{
    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Raised after each reload attempt (true when applied).</summary>
    public event Action<bool>? Reloaded;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = state.Current.Path;
        if (path is null)
        {
            return;
        }

        var lastWrite = File.GetLastWriteTimeUtc(path);
        using var timer = new PeriodicTimer(PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var write = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : lastWrite;
            if (write == lastWrite)
            {
                continue;
            }

            lastWrite = write;
            await ReloadAsync(path, stoppingToken);
        }
    }

    public async Task<bool> ReloadAsync(string path, CancellationToken cancellationToken)
    {
        LoadedConfig next;
        try
        {
            next = ConfigLoader.LoadFile(path);
        }
        catch (ConfigException ex)
        {
            return Refused(path, string.Join("; ", ex.Errors));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // a file caught half-written, or unreadable: the next change is tried again
            return Refused(path, ex.Message);
        }

        if (next.Hash == state.Current.Hash)
        {
            return false;
        }

        var old = state.Current.Options;
        if (old.Storage.Uri != next.Options.Storage.Uri || old.Scheduler.Cluster != next.Options.Scheduler.Cluster)
        {
            LogRestartNeeded(logger, path);
        }

        var previous = state.Current;
        state.Replace(next with { Options = WithKeptInfrastructure(next.Options, old) });
        try
        {
            await synchronizer.ApplyAsync(state.Current.Options, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // the scheduler refused something the validation let through: back to the schedule that ran
            state.Replace(previous);
            await synchronizer.ApplyAsync(previous.Options, cancellationToken);
            return Refused(path, $"{ex.GetType().Name}: {ex.Message}");
        }

        LogApplied(logger, path, next.Options.Sources.Count);
        Reloaded?.Invoke(true);
        return true;
    }

    private bool Refused(string path, string why)
    {
        LogRefused(logger, path, why);
        Reloaded?.Invoke(false);
        return false;
    }

    // Storage and cluster settings only change with a restart: keep the running ones.
    private static CollectorOptions WithKeptInfrastructure(CollectorOptions next, CollectorOptions old)
    {
        next.Storage = old.Storage;
        next.Scheduler.Cluster = old.Scheduler.Cluster;
        return next;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "configuration change in {Path} refused, the previous schedule keeps running: {Errors}")]
    private static partial void LogRefused(ILogger logger, string path, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "configuration change in {Path} touches storage or cluster settings: restart `collector run` for those to take effect")]
    private static partial void LogRestartNeeded(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "configuration reloaded from {Path}: {Count} sources scheduled")]
    private static partial void LogApplied(ILogger logger, string path, int count);
}
