using Collector.Configuration;
using Collector.Model;

namespace Collector.Crawler.Core;

/// <summary>One crawl to run: a configured source (or a one-off made from the command line) and how to run it this time.</summary>
public sealed record CrawlJob
{
    public required SourceOptions Source { get; init; }

    public required string RunId { get; init; }

    /// <summary>The queue's crawl id. Null: derived from the source, so a crawl interrupted by a crash resumes when started again.</summary>
    public string? CrawlId { get; init; }

    /// <summary>Extra URLs to fetch besides the targets (posts still in the watch window, to notice edits and removals).</summary>
    public IReadOnlyList<string> RevisitUrls { get; init; } = [];

    /// <summary>Overrides the source's render mode.</summary>
    public RenderMode? Render { get; init; }

    /// <summary>A one-off crawl from the command line: captures carry no source name.</summary>
    public bool OneOff { get; init; }

    /// <summary>Per-host pace in requests/s, overriding config (0: unpaced). Null: the platform's rate from config.</summary>
    public double? RequestsPerSecond { get; init; }

    /// <summary>How long a leased request stays reserved; a crashed crawl's leases are handed out again after this.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>First delay between retries of one request (doubling, with jitter).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>SHA-256 of the configuration in force, for the custody log.</summary>
    public string? ConfigHash { get; init; }

    /// <summary>When a retry would wait longer than this (Retry-After), the request goes back to the queue instead of holding a worker.</summary>
    public TimeSpan MaxInlineWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>When a host's next paced slot is further away than this (a long Retry-After), the page goes back to the queue until then.</summary>
    public TimeSpan MaxSlotWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often live statistics are reported.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    public RenderMode EffectiveRender => Render ?? Source.Render;

    /// <summary>A job for a configured source.</summary>
    public static CrawlJob ForSource(SourceOptions source, string runId, IReadOnlyList<string>? revisitUrls = null) => new()
    {
        Source = source,
        RunId = runId,
        RevisitUrls = revisitUrls ?? [],
    };
}
