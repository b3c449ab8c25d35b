using System.Collections.Concurrent;
using Collector.Model;
using Collector.Storage;

namespace Collector.Crawler.Core;

/// <summary>The running totals of one crawl (thread-safe).</summary>
public sealed class CrawlCounters
{
    private readonly ConcurrentDictionary<PageOutcome, long> _byOutcome = new();
    private readonly ConcurrentDictionary<PostKey, byte> _posts = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private long _pages;
    private long _new;
    private long _changed;
    private long _unchanged;
    private long _removed;
    private long _robots;
    private long _unsafe;
    private long _media;
    private int _errorCount;

    public long Pages => Interlocked.Read(ref _pages);

    public long Posts => _posts.Count;

    public long Failed => _byOutcome.GetValueOrDefault(PageOutcome.Failed);

    public long RobotsBlocked => Interlocked.Read(ref _robots);

    public long UnsafeSkipped => Interlocked.Read(ref _unsafe);

    public long Media => Interlocked.Read(ref _media);

    public void Recorded(Capture capture, CaptureReceipt receipt)
    {
        Interlocked.Increment(ref _pages);
        _byOutcome.AddOrUpdate(capture.Outcome, 1, (_, n) => n + 1);
        if (receipt.Duplicate)
        {
            return;
        }

        foreach (var post in capture.Posts)
        {
            _posts.TryAdd(post.Key, 0);
        }

        Interlocked.Add(ref _new, receipt.NewPosts);
        Interlocked.Add(ref _changed, receipt.ChangedPosts);
        Interlocked.Add(ref _unchanged, receipt.UnchangedPosts);
        Interlocked.Add(ref _removed, receipt.Tombstoned);
    }

    /// <summary>A page given up without a capture (its processing kept failing): a failed page of the run.</summary>
    public void GaveUp()
    {
        Interlocked.Increment(ref _pages);
        _byOutcome.AddOrUpdate(PageOutcome.Failed, 1, (_, n) => n + 1);
    }

    public void RobotsDisallowed() => Interlocked.Increment(ref _robots);

    public void UnsafeLink() => Interlocked.Increment(ref _unsafe);

    public void MediaStored() => Interlocked.Increment(ref _media);

    /// <summary>Keeps the first 100 errors (the rest are counted in the outcomes).</summary>
    public void Error(string message)
    {
        if (Interlocked.Increment(ref _errorCount) <= 100)
        {
            _errors.Enqueue(message);
        }
    }

    public IReadOnlyDictionary<string, long> ByOutcome() => _byOutcome.ToDictionary(p => p.Key.ToWire(), p => p.Value);

    public CrawlSummary Summary(string runId, string crawlId, string outcome, TimeSpan elapsed, long remaining, string? stoppedBecause, bool loggedOut) => new()
    {
        RunId = runId,
        CrawlId = crawlId,
        Outcome = outcome,
        Pages = Pages,
        PagesByOutcome = ByOutcome(),
        Posts = Posts,
        PostsNew = Interlocked.Read(ref _new),
        PostsChanged = Interlocked.Read(ref _changed),
        PostsUnchanged = Interlocked.Read(ref _unchanged),
        PostsRemoved = Interlocked.Read(ref _removed),
        RobotsBlocked = RobotsBlocked,
        UnsafeLinksSkipped = UnsafeSkipped,
        MediaStored = Media,
        Remaining = remaining,
        Errors = [.. _errors],
        StoppedBecause = stoppedBecause,
        LoggedOut = loggedOut,
        Elapsed = elapsed,
    };
}
