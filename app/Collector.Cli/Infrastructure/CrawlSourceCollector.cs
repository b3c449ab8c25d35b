using Collector.Configuration;
using Collector.Crawler.Core;
using Collector.Scheduler;
using Collector.Storage;

namespace Collector.Cli.Infrastructure;

/// <summary>The scheduler's view of the crawler: one run of one source is one crawl job.</summary>
public sealed class CrawlSourceCollector(ICrawlRunner crawler, IArchive archive, IProgress<CrawlStats>? progress = null) : ISourceCollector
{
    public async Task<CollectResult> CollectAsync(SourceOptions source, CollectRequest request, CancellationToken cancellationToken)
    {
        var job = CrawlJob.ForSource(source, request.RunId, request.RevisitUrls) with
        {
            ConfigHash = request.ConfigHash,
            RequestsPerSecond = LocalTargets.AreLocal(source.Targets) ? 0 : null,
        };
        var summary = await crawler.RunAsync(job, archive, progress, cancellationToken);
        return new CollectResult
        {
            PagesByOutcome = summary.PagesByOutcome,
            PostsNew = summary.PostsNew,
            PostsChanged = summary.PostsChanged,
            PostsUnchanged = summary.PostsUnchanged,
            PostsRemoved = summary.PostsRemoved,
            Errors = summary.Errors,
            Cancelled = summary.Outcome == RunOutcomes.Cancelled,
            PausedReason = summary.LoggedOut ? summary.StoppedBecause ?? "logged out" : null,
        };
    }
}
