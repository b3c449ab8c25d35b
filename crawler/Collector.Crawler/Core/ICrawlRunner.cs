using Collector.Storage;

namespace Collector.Crawler.Core;

/// <summary>Runs one crawl into an archive: what the scheduler, the command line and the demo call.</summary>
public interface ICrawlRunner
{
    /// <summary>
    /// Crawls until the queue is drained, the page cap is reached, the run stops itself or is cancelled (then it returns
    /// a cancelled summary; the queue keeps what was left, so the same job run again resumes). Throws
    /// <see cref="ArgumentException"/> for a job that cannot run (no valid target URL).
    /// </summary>
    Task<CrawlSummary> RunAsync(CrawlJob job, IArchive archive, IProgress<CrawlStats>? progress = null, CancellationToken cancellationToken = default);
}
