using Collector.Configuration;
using Collector.Storage;

namespace Collector.Scheduler;

/// <summary>Runs one collection of one source and returns its run record. The scheduler's jobs call nothing else.</summary>
public interface ISourceRunner
{
    Task<RunRecord> RunAsync(SourceOptions source, RunTrigger trigger, CancellationToken cancellationToken);
}

/// <summary>Why and when a run starts.</summary>
public sealed record RunTrigger
{
    /// <summary>When the schedule meant the run to start (null for --once).</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>schedule, catch-up (a fire missed while the machine was off), or once.</summary>
    public required string Reason { get; init; }

    /// <summary>The Quartz instance that fired it (cluster mode).</summary>
    public string? Node { get; init; }

    /// <summary>Earlier fires of the schedule that this run stands in for (see <see cref="RunRecord.Coalesced"/>).</summary>
    public CoalescedFires? Coalesced { get; init; }

    public static RunTrigger Once { get; } = new() { Reason = "once" };
}
