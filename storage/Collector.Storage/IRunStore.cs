namespace Collector.Storage;

/// <summary>Run history: one record per crawl run of a source (scheduled or one-off).</summary>
public interface IRunStore
{
    /// <summary>Inserts or replaces the run record (called at start, on progress and at the end).</summary>
    Task SaveAsync(RunRecord run, CancellationToken cancellationToken = default);

    Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<RunRecord>> ListAsync(string? source = null, int? last = null, CancellationToken cancellationToken = default);
}

public sealed record RunRecord
{
    public required string Id { get; init; }
    public required string Source { get; init; }

    /// <summary>When the schedule meant it to start (null for one-off runs).</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>running, succeeded, partial, failed, cancelled, interrupted.</summary>
    public string Outcome { get; init; } = RunOutcomes.Running;

    /// <summary>Pages counted by outcome wire name (content, empty, removed, …, failed).</summary>
    public IReadOnlyDictionary<string, long> PagesByOutcome { get; init; } = new Dictionary<string, long>();

    public long PostsNew { get; init; }
    public long PostsChanged { get; init; }
    public long PostsUnchanged { get; init; }
    public long PostsRemoved { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The machine that ran it (cluster mode).</summary>
    public string? Node { get; init; }

    public string? ConfigHash { get; init; }

    /// <summary>Set when robots.txt was overridden for this source, with the stated reason.</summary>
    public string? RobotsOverride { get; init; }

    /// <summary>
    /// Fires of the schedule that passed without a run of their own, which this run stands in for (Quartz's misfire
    /// policy "fire once now": a fire later than the misfire threshold, because the source's previous run was still
    /// going or no node was alive to take it, is folded into one run). Null when none were.
    /// </summary>
    public CoalescedFires? Coalesced { get; init; }
}

/// <summary>Scheduled fires folded into one run: how many, the first and the last (UTC).</summary>
public sealed record CoalescedFires(long Count, DateTimeOffset First, DateTimeOffset Last)
{
    public bool Covers(DateTimeOffset fire) => fire >= First && fire <= Last;
}

public static class RunOutcomes
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Partial = "partial";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>The process running it died (killed, crashed, power cut); set when the archive is next opened.</summary>
    public const string Interrupted = "interrupted";
}
