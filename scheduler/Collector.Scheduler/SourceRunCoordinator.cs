using Collector.Configuration;
using Collector.Storage;
using Microsoft.Extensions.Logging;

namespace Collector.Scheduler;

/// <summary>
/// What happens around one scheduled run: the source's jitter, its failure backoff, and reporting.
/// The run itself (crawl, revisits, run record) is the <see cref="ISourceRunner"/>'s.
/// </summary>
public sealed partial class SourceRunCoordinator(
    ConfigState config,
    ISourceRunner runner,
    IRunStore runs,
    SourceHealth health,
    TimeProvider time,
    ILogger<SourceRunCoordinator> logger)
{
    public async Task<RunRecord?> RunAsync(string sourceName, RunTrigger trigger, CancellationToken cancellationToken)
    {
        var source = config.FindSource(sourceName);
        if (source is null || !source.Enabled)
        {
            LogSourceGone(logger, sourceName);
            return null;
        }

        if (trigger.ScheduledAt is { } scheduled && await AlreadyRanAsync(source.Name, scheduled, cancellationToken))
        {
            // a fire recovered after its node died once the run had already finished: it ran once, it does not run twice
            LogAlreadyRan(logger, source.Name, scheduled);
            return null;
        }

        if (health.ShouldSkip(source.Name, out var state))
        {
            LogBackingOff(logger, source.Name, state.ConsecutiveFailures, state.RetryNotBefore, state.LastError);
            return null;
        }

        if (source.Jitter is { } jitter && jitter > TimeSpan.Zero && trigger.Reason == "schedule")
        {
            var delay = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * jitter.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken);
        }

        RunRecord run;
        try
        {
            run = await runner.RunAsync(source, trigger, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Failed(source, ex.Message);
            return null;
        }

        if (run.Outcome == RunOutcomes.Failed)
        {
            Failed(source, run.Errors.Count > 0 ? run.Errors[0] : "run failed");
        }
        else
        {
            health.Succeeded(source.Name);
        }

        return run;
    }

    private async Task<bool> AlreadyRanAsync(string source, DateTimeOffset scheduled, CancellationToken cancellationToken)
    {
        var recent = await runs.ListAsync(source, 50, cancellationToken);
        return recent.Any(r => r.ScheduledAt == scheduled && r.EndedAt is not null);
    }

    private void Failed(SourceOptions source, string error)
    {
        var schedule = SourceSchedule.For(source);
        var interval = schedule?.Interval(time.GetUtcNow()) ?? TimeSpan.FromHours(1);
        var options = config.Current.Options.Scheduler;
        var state = health.Failed(source.Name, error, interval, options.MaxBackoff);
        if (state.ConsecutiveFailures >= options.FailureThreshold)
        {
            LogFailing(logger, source.Name, state.ConsecutiveFailures, state.RetryNotBefore, error);
        }
        else
        {
            LogFailedOnce(logger, source.Name, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "source {Source}: the fire of {Scheduled:u} already ran to the end; not running it again")]
    private static partial void LogAlreadyRan(ILogger logger, string source, DateTimeOffset scheduled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "source {Source} is no longer configured; its fire is ignored")]
    private static partial void LogSourceGone(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "source {Source} is backing off after {Failures} failures until {NotBefore:u} (last error: {Error})")]
    private static partial void LogBackingOff(ILogger logger, string source, int failures, DateTimeOffset? notBefore, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "source {Source} keeps failing ({Failures} in a row); next attempt not before {NotBefore:u}: {Error}")]
    private static partial void LogFailing(ILogger logger, string source, int failures, DateTimeOffset? notBefore, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "run of source {Source} failed: {Error}")]
    private static partial void LogFailedOnce(ILogger logger, string source, string error);
}
