namespace Collector.Crawler.Core;

/// <summary>A snapshot of a running crawl, reported about once a second.</summary>
public sealed record CrawlStats
{
    public required TimeSpan Elapsed { get; init; }
    public long PagesDone { get; init; }
    public long PagesFailed { get; init; }
    public long Queued { get; init; }
    public long InFlight { get; init; }
    public long Posts { get; init; }
    public long Retries { get; init; }
    public IReadOnlyDictionary<string, long> ByOutcome { get; init; } = new Dictionary<string, long>();
    public IReadOnlyList<HostStats> Hosts { get; init; } = [];

    public double PagesPerSecond => Elapsed.TotalSeconds > 0 ? PagesDone / Elapsed.TotalSeconds : 0;
}

/// <summary>One host as the politeness layer sees it.</summary>
/// <param name="Pace">Current pace in requests/s; null when unpaced.</param>
/// <param name="AtOnce">Requests the host is given at once now (its concurrency window).</param>
/// <param name="Stalls">Stalled requests that made the window smaller.</param>
/// <param name="Throttling">Why the host is slowed down now and until when it is paused; null when it runs at its configured pace.</param>
public sealed record HostStats(string Host, long Requests, long Throttled, double? Pace, int AtOnce = 0, long Stalls = 0, Politeness.HostThrottling? Throttling = null);
