using Collector.Crawler.Fetching;
using Collector.Model;
using Collector.Storage;

namespace Collector.Crawler.Core;

/// <summary>A page's next try: put back after a delay (counted), deferred to a time the server named (not counted), or given up.</summary>
public sealed partial class PageProcessor
{
    /// <summary>
    /// A page whose processing threw (a bug, an archive error): back in the queue after the usual delay, counted as an
    /// attempt, and given up with the error once its attempts are spent. The crawl does not wait out the page's lease
    /// (minutes) before it is tried again or the run can end.
    /// </summary>
    public async Task GiveBackAsync(CrawlContext crawl, QueueLease lease, Exception error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(error);
        var why = $"crashed: {error.GetType().Name}: {error.Message}";
        if (crawl.CountedAttempt(lease) < QueueAttempts)
        {
            await crawl.Archive.Queue.RetryLaterAsync(lease, time.GetUtcNow() + QueueDelay(crawl, lease), why, cancellationToken);
            return;
        }

        await crawl.Archive.Queue.FailAsync(lease, why, cancellationToken);
        crawl.Counters.GaveUp();
    }

    /// <summary>How long a request rests in the queue before its next round of attempts: 4x the retry delay per round so far.</summary>
    private static TimeSpan QueueDelay(CrawlContext crawl, QueueLease lease) => crawl.Job.RetryDelay * 4 * lease.Attempt;

    private async Task RetryLaterOrFailAsync(CrawlContext crawl, QueueLease lease, Uri url, TimeSpan wait, string error, CancellationToken cancellationToken)
    {
        if (crawl.CountedAttempt(lease) < QueueAttempts)
        {
            await crawl.Archive.Queue.RetryLaterAsync(lease, time.GetUtcNow() + wait, error, cancellationToken);
            return;
        }

        var failed = new FetchResult { RequestUrl = url, FinalUrl = url, FetchedAt = time.GetUtcNow(), Error = FetchError.GiveUp(error) };
        await RecordAsync(crawl, lease, failed, crawl.Job.EffectiveRender, PageOutcome.Failed, error, null, [], cancellationToken);
    }

    /// <summary>Puts the page back until <paramref name="until"/> without spending one of its attempts.</summary>
    private async Task DeferAsync(CrawlContext crawl, QueueLease lease, DateTimeOffset until, string why, CancellationToken cancellationToken)
    {
        crawl.Defer(lease);
        var now = time.GetUtcNow();
        await crawl.Archive.Queue.RetryLaterAsync(lease, until > now ? until : now, why, cancellationToken);
        LogDeferred(logger, lease.Request.Url, until, why);
    }
}
