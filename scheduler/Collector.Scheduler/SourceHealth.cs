using System.Collections.Concurrent;
using Collector.Configuration;

namespace Collector.Scheduler;

/// <summary>
/// Tracks sources that keep failing: after each consecutive failure a source waits twice as long
/// (from one schedule interval up to <see cref="SchedulerOptions.MaxBackoff"/>) before it is tried again;
/// the others are not affected. A success clears it.
/// </summary>
public sealed class SourceHealth(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, State> states = new(StringComparer.OrdinalIgnoreCase);

    public sealed record State(int ConsecutiveFailures, DateTimeOffset? RetryNotBefore, string? LastError);

    public State Get(string source) => states.GetValueOrDefault(source, new State(0, null, null));

    /// <summary>True when the source is backing off and this fire should be skipped.</summary>
    public bool ShouldSkip(string source, out State state)
    {
        state = Get(source);
        return state.RetryNotBefore is { } notBefore && time.GetUtcNow() < notBefore;
    }

    public void Succeeded(string source) => states.TryRemove(source, out _);

    /// <summary>Records a failure and returns the new state (with the time before which fires are skipped).</summary>
    public State Failed(string source, string error, TimeSpan interval, TimeSpan maxBackoff)
    {
        return states.AddOrUpdate(
            source,
            _ => new State(1, time.GetUtcNow() + Backoff(1, interval, maxBackoff), error),
            (_, old) => new State(old.ConsecutiveFailures + 1, time.GetUtcNow() + Backoff(old.ConsecutiveFailures + 1, interval, maxBackoff), error));
    }

    /// <summary>Nothing extra after the first failure (the next fire retries); then 1, 2, 4… intervals, capped.</summary>
    public static TimeSpan Backoff(int failures, TimeSpan interval, TimeSpan max)
    {
        if (failures <= 1)
        {
            return TimeSpan.Zero;
        }

        var factor = Math.Pow(2, Math.Min(failures - 2, 20));
        var ticks = Math.Min(interval.Ticks * factor, max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
