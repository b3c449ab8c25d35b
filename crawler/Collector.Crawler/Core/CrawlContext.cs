using System.Net;
using Collector.Configuration;
using Collector.Crawler.Fetching;
using Collector.Crawler.Politeness;
using Collector.Crawler.Resilience;
using Collector.Crawler.Routing;
using Collector.Crawler.Safety;
using Collector.Crawler.Sessions;
using Collector.Storage;

namespace Collector.Crawler.Core;

/// <summary>Everything one crawl run shares between its workers.</summary>
public sealed class CrawlContext : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _deferrals = new(StringComparer.Ordinal);
    private int _consecutiveLoginWalls;
    private long _known;

    public required CrawlJob Job { get; init; }
    public required string CrawlId { get; init; }
    public required IArchive Archive { get; init; }
    public required CrawlerOptions Options { get; init; }
    public required HostBudgets Budgets { get; init; }
    public required FetchPipelines Pipelines { get; init; }
    public required AddressGuard Guard { get; init; }
    public required LinkExtractor Links { get; init; }
    public required ProxyRotation Proxies { get; init; }
    public required IReadOnlyList<Cookie> Cookies { get; init; }
    public RobotsCache? Robots { get; init; }

    /// <summary>Origins whose robots.txt the address guard refused to fetch, with why (a page there is refused for it).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> RobotsRefusals { get; } = new(StringComparer.OrdinalIgnoreCase);
    public RedditOAuth? Reddit { get; init; }

    /// <summary>Authorization header values by host:port, from credentials written into target URLs.</summary>
    public IReadOnlyDictionary<string, string> Credentials { get; init; } = new Dictionary<string, string>();
    public CrawlCounters Counters { get; } = new();
    public CancellationTokenSource Stop { get; init; } = new();

    /// <summary>Released when the queue may have work for an idle worker (a page finished, children were queued).</summary>
    public SemaphoreSlim Wake { get; } = new(0);

    /// <summary>Media URLs already fetched in this crawl (a repost's image is downloaded once).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<Model.ArtifactRef?>>> Media { get; } = new(StringComparer.Ordinal);

    public string? StoppedBecause { get; private set; }

    public bool LoggedOut { get; private set; }

    /// <summary>Requests this crawl knows (queued in any state), to keep within MaxPages.</summary>
    public long Known => Interlocked.Read(ref _known);

    public void AddKnown(long n) => Interlocked.Add(ref _known, n);

    /// <summary>Tells the dispatcher to look at the queue again now rather than at its next poll.</summary>
    public void Nudge()
    {
        if (Wake.CurrentCount == 0)
        {
            Wake.Release();
        }
    }

    /// <summary>Stops the run: nothing more can succeed (the reason is reported).</summary>
    public void StopRun(string reason, bool loggedOut = false)
    {
        lock (Stop)
        {
            StoppedBecause ??= reason;
            LoggedOut |= loggedOut;
        }

        Stop.Cancel();
    }

    /// <summary>The page goes back to the queue to wait as a host told: its next lease is not an attempt.</summary>
    public void Defer(QueueLease lease) => _deferrals.AddOrUpdate(lease.Request.UniqueKey, 1, static (_, n) => n + 1);

    /// <summary>How often the page was put back to wait as told in this run.</summary>
    public int Deferrals(QueueLease lease) => _deferrals.GetValueOrDefault(lease.Request.UniqueKey);

    /// <summary>The lease's attempt, not counting the leases that only followed a wait the host asked for.</summary>
    public int CountedAttempt(QueueLease lease) => lease.Attempt - Deferrals(lease);

    /// <summary>Counts login walls in a row; true when the session looks logged out (3 in a row).</summary>
    public bool LoginWallSeen() => Interlocked.Increment(ref _consecutiveLoginWalls) >= 3;

    public void ContentSeen() => Interlocked.Exchange(ref _consecutiveLoginWalls, 0);

    public void Dispose()
    {
        Budgets.Dispose();
        Guard.Dispose();
        Reddit?.Dispose();
        Wake.Dispose();
        Stop.Dispose();
    }
}
