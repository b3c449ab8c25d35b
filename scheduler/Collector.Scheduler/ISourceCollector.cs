using Collector.Configuration;

using Collector.Storage;

namespace Collector.Scheduler;

/// <summary>The crawl of one source for one run (the application adapts the crawler to it).</summary>
public interface ISourceCollector
{
    Task<CollectResult> CollectAsync(SourceOptions source, CollectRequest request, CancellationToken cancellationToken);
}

/// <summary>What one run asks of the crawl: its id, the archived posts to revisit, the configuration's hash.</summary>
public sealed record CollectRequest(string RunId, IReadOnlyList<string> RevisitUrls, string? ConfigHash);

/// <summary>What the crawl of one run did.</summary>
public sealed record CollectResult
{
    public IReadOnlyDictionary<string, long> PagesByOutcome { get; init; } = new Dictionary<string, long>();
    public long PostsNew { get; init; }
    public long PostsChanged { get; init; }
    public long PostsUnchanged { get; init; }
    public long PostsRemoved { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>True when the crawl stopped early on shutdown (its queue keeps the rest for the next run).</summary>
    public bool Cancelled { get; init; }

    /// <summary>Set when the crawl found itself logged out and paused the source.</summary>
    public string? PausedReason { get; init; }

    public string? RobotsOverride { get; init; }
}

/// <summary>Something to do when a run has ended (for example: timestamp its manifest).</summary>
public interface IRunCompletionHook
{
    Task OnRunCompletedAsync(RunRecord run, CancellationToken cancellationToken);
}
