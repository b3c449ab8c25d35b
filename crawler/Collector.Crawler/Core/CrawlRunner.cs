using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Collector.Configuration;
using Collector.Crawler.Fetching;
using Collector.Crawler.Politeness;
using Collector.Crawler.Queue;
using Collector.Crawler.Resilience;
using Collector.Crawler.Routing;
using Collector.Crawler.Safety;
using Collector.Crawler.Sessions;
using Collector.Model;
using Collector.Storage;
using Microsoft.Extensions.Logging;

namespace Collector.Crawler.Core;

/// <summary>
/// The crawl core: leases requests from the archive's durable queue in batches, runs them on a fixed number of workers
/// (global concurrency; per-host concurrency and pace are the host budgets'), and ends when nothing is pending or
/// leased, the page cap is reached, the run stops itself, or it is cancelled. A killed crawl resumes on the next run
/// of the same job: its crawl id is derived from the job, and a finished crawl's id is followed by a fresh generation.
/// </summary>
public sealed partial class CrawlRunner(
    CrawlerOptions options,
    PageProcessor processor,
    RedditOAuthFactory reddit,
    ConnectGuard connectGuard,
    TimeProvider time,
    ILogger<CrawlRunner> logger) : ICrawlRunner
{
    public async Task<CrawlSummary> RunAsync(CrawlJob job, IArchive archive, IProgress<CrawlStats>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(archive);
        var withCredentials = job.Source.Targets.Select(t => UrlNormalizer.TryHttp(t)).OfType<Uri>().ToList();
        var credentials = TargetCredentials.From(withCredentials);
        var targets = withCredentials.Select(TargetCredentials.Strip).ToList();
        var revisits = job.RevisitUrls.Select(t => UrlNormalizer.TryHttp(t)).OfType<Uri>().ToList();
        var seeds = targets.Concat(revisits).ToList();
        if (seeds.Count == 0)
        {
            throw new ArgumentException($"source '{job.Source.Name}' has no http(s) target URL to crawl", nameof(job));
        }

        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var baseId = job.CrawlId ?? CrawlIds.Derive(job.OneOff ? null : job.Source.Name, job.Source.Platform, job.Source.Targets, job.Source.Follow);
        var crawlId = job.CrawlId ?? await CurrentGenerationAsync(archive.Queue, baseId, cancellationToken);
        using var crawl = CreateContext(job, archive, crawlId, targets, credentials);
        processor.WarmUp(crawl, Math.Max(1, job.Source.Concurrency ?? options.MaxConcurrency), cancellationToken);
        processor.PrefetchRobots(crawl, targets, cancellationToken);
        // the scheduler saves the run first (its fire, node, folded fires): keep what it said, add the crawl's part
        var saved = await archive.Runs.GetAsync(job.RunId, cancellationToken);
        var run = (saved ?? new RunRecord
        {
            Id = job.RunId,
            Source = job.OneOff || job.Source.Name.Length == 0 ? "crawl" : job.Source.Name,
            StartedAt = started,
        }) with
        {
            ConfigHash = job.ConfigHash ?? saved?.ConfigHash,
            RobotsOverride = !job.Source.Robots.Obey ? job.Source.Robots.OverrideReason ?? "robots.txt not obeyed (no reason given)"
                : !job.Source.Robots.CrawlDelay ? $"Crawl-delay not obeyed: {job.Source.Robots.OverrideReason ?? "no reason given"}"
                : null,
        };
        await archive.Runs.SaveAsync(run, cancellationToken);
        foreach (var authority in credentials.Keys)
        {
            await archive.Custody.AppendAsync(
                new CustodyEvent
                {
                    Action = "credentials",
                    Subject = job.RunId,
                    ConfigHash = job.ConfigHash,
                    Detail = $"credentials from a target URL were used for {authority} (HTTP Basic); no stored URL carries them",
                },
                cancellationToken);
        }

        var orphaned = await archive.Queue.ReleaseLeasesAsync(crawlId, cancellationToken);
        if (orphaned > 0)
        {
            LogResumedLeases(logger, crawlId, orphaned);
        }

        var before = await archive.Queue.CountAsync(crawlId, cancellationToken);
        // A browser source's revisits of single posts try plain HTTP first (auto): a post page, a 404 or a removal notice
        // rarely needs scrolling or script, and the browser still takes over where the page turns out to be a shell.
        var revisitRender = job.EffectiveRender == RenderMode.Browser ? RenderMode.Auto : (RenderMode?)null;
        var seedRequests = targets.Select(s => new QueueRequest { Url = s.AbsoluteUri, UniqueKey = UrlNormalizer.UniqueKey(s), Label = job.Source.Platform, Priority = 1 })
            .Concat(revisits.Select(s => new QueueRequest { Url = s.AbsoluteUri, UniqueKey = UrlNormalizer.UniqueKey(s), Label = job.Source.Platform, Render = revisitRender }))
            .ToList();
        var added = await archive.Queue.EnqueueAsync(crawlId, seedRequests, cancellationToken);
        crawl.AddKnown(before.Total + added);
        LogStarted(logger, crawlId, before.Done, before.Pending + before.Leased + added);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, crawl.Stop.Token);
        using var reporter = progress is null ? null : new Timer(_ => progress.Report(Snapshot(crawl, clock.Elapsed)), null, job.ProgressInterval, job.ProgressInterval);
        try
        {
            await DriveAsync(crawl, before.Done, linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // cancelled or stopped: the queue keeps the rest for the next run
        }

        var counts = await archive.Queue.CountAsync(crawlId, CancellationToken.None);
        var outcome = cancellationToken.IsCancellationRequested ? RunOutcomes.Cancelled
            : crawl.StoppedBecause is not null ? (crawl.Counters.Pages > 0 ? RunOutcomes.Partial : RunOutcomes.Failed)
            : crawl.Counters.Pages > 0 && crawl.Counters.Failed == crawl.Counters.Pages ? RunOutcomes.Failed
            : crawl.Counters.Failed > 0 ? RunOutcomes.Partial
            : RunOutcomes.Succeeded;
        var summary = crawl.Counters.Summary(job.RunId, crawlId, outcome, clock.Elapsed, counts.Pending + counts.Leased, crawl.StoppedBecause, crawl.LoggedOut);
        progress?.Report(Snapshot(crawl, clock.Elapsed));
        await archive.Runs.SaveAsync(
            run with
            {
                EndedAt = time.GetUtcNow(),
                Outcome = outcome,
                PagesByOutcome = summary.PagesByOutcome,
                PostsNew = summary.PostsNew,
                PostsChanged = summary.PostsChanged,
                PostsUnchanged = summary.PostsUnchanged,
                PostsRemoved = summary.PostsRemoved,
                Errors = crawl.StoppedBecause is { } why ? [why, .. summary.Errors] : summary.Errors,
            },
            CancellationToken.None);
        return summary;
    }

    private async Task DriveAsync(CrawlContext crawl, long doneBefore, CancellationToken cancellationToken)
    {
        var concurrency = Math.Max(1, crawl.Job.Source.Concurrency ?? options.MaxConcurrency);
        var channel = Channel.CreateBounded<QueueLease>(new BoundedChannelOptions(concurrency) { SingleWriter = true });
        var inFlight = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkAsync(crawl, channel.Reader, inFlight, cancellationToken), CancellationToken.None)).ToList();
        var handedOut = doneBefore;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // lease only what idle workers can start now: the queue's priority order (listings before their items)
                // then holds for every pick, instead of a backlog of items leased ahead of a listing found meanwhile
                var room = concurrency - inFlight.Count;
                var capLeft = crawl.Job.Source.MaxPages - handedOut;
                if (capLeft <= 0)
                {
                    break;
                }

                IReadOnlyList<QueueLease> leases = room > 0
                    ? await crawl.Archive.Queue.LeaseAsync(crawl.CrawlId, (int)Math.Min(room, capLeft), crawl.Job.LeaseDuration, cancellationToken)
                    : [];
                foreach (var lease in leases)
                {
                    if (!inFlight.TryAdd(lease.Request.UniqueKey, 0))
                    {
                        // still being worked on here: its lease ran out while retrying; the running attempt finishes it
                        continue;
                    }

                    handedOut++;
                    await channel.Writer.WriteAsync(lease, cancellationToken);
                }

                if (leases.Count > 0)
                {
                    continue;
                }

                if (inFlight.IsEmpty)
                {
                    var counts = await crawl.Archive.Queue.CountAsync(crawl.CrawlId, cancellationToken);
                    if (counts.Pending == 0 && counts.Leased == 0 && inFlight.IsEmpty)
                    {
                        break;
                    }
                }

                // a worker finishing or children queued (Nudge), or a short pause for due retries and expired leases
                await crawl.Wake.WaitAsync(TimeSpan.FromMilliseconds(inFlight.IsEmpty ? 200 : 50), cancellationToken);
            }
        }
        finally
        {
            channel.Writer.TryComplete();
            await Task.WhenAll(workers);
        }
    }

    private async Task WorkAsync(CrawlContext crawl, ChannelReader<QueueLease> reader, ConcurrentDictionary<string, byte> inFlight, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var lease in reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await processor.ProcessAsync(crawl, lease, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (RedditAuthException e)
                {
                    crawl.StopRun(e.Message);
                }
                catch (ArchiveUnavailableException e)
                {
                    crawl.StopRun($"archive unavailable: {e.Message}");
                }
                catch (Exception e)
                {
                    // a bug or an archive error on one page: count it, put the page back (or give it up), go on
                    crawl.Counters.Error($"{lease.Request.Url}: {e.GetType().Name}: {e.Message}");
                    LogPageCrashed(logger, e, lease.Request.Url);
                    try
                    {
                        await processor.GiveBackAsync(crawl, lease, e, cancellationToken);
                    }
                    catch (Exception refused) when (refused is not OutOfMemoryException)
                    {
                        // the archive refused that too: the lease runs out and the page is handed out again then
                    }
                }
                finally
                {
                    inFlight.TryRemove(lease.Request.UniqueKey, out _);
                    crawl.Nudge();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private CrawlContext CreateContext(CrawlJob job, IArchive archive, string crawlId, IReadOnlyList<Uri> targets, IReadOnlyDictionary<string, string> credentials)
    {
        var source = job.Source;
        var rate = job.RequestsPerSecond ?? options.PlatformRates.GetValueOrDefault(source.Platform, options.RequestsPerSecond);
        var redditSession = source.Platform == Platforms.Reddit ? reddit.Create() : null;
        return new CrawlContext
        {
            Job = job,
            CrawlId = crawlId,
            Archive = archive,
            Options = options,
            Budgets = new HostBudgets(rate > 0 ? rate : null, options.PerHostConcurrency, time),
            Pipelines = new FetchPipelines(options, job.RetryDelay, job.MaxInlineWait, time),
            Guard = new AddressGuard(connectGuard, [.. targets, .. redditSession?.Endpoints ?? []]),
            Links = new LinkExtractor(source.Follow),
            Proxies = new ProxyRotation(source.Proxies),
            Cookies = string.IsNullOrWhiteSpace(source.Cookies) ? [] : CookieFile.Load(source.Cookies),
            Robots = source.Robots.Obey ? new RobotsCache(time) : null,
            Reddit = redditSession,
            Credentials = credentials,
        };
    }

    /// <summary>The crawl id to use: the first generation of <paramref name="baseId"/> that is not finished (binary search: generations finish in order).</summary>
    private static async Task<string> CurrentGenerationAsync(IRequestQueue queue, string baseId, CancellationToken cancellationToken)
    {
        async Task<bool> Finished(int generation)
        {
            var counts = await queue.CountAsync(Generation(baseId, generation), cancellationToken);
            return counts.Total > 0 && counts.Pending == 0 && counts.Leased == 0;
        }

        if (!await Finished(1))
        {
            return baseId;
        }

        var high = 2;
        while (await Finished(high))
        {
            high *= 2;
        }

        var low = high / 2;
        while (high - low > 1)
        {
            var mid = (low + high) / 2;
            if (await Finished(mid))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return Generation(baseId, high);
    }

    private static string Generation(string baseId, int generation) => generation == 1 ? baseId : $"{baseId}.{generation}";

    private static CrawlStats Snapshot(CrawlContext crawl, TimeSpan elapsed) => new()
    {
        Elapsed = elapsed,
        PagesDone = crawl.Counters.Pages,
        PagesFailed = crawl.Counters.Failed,
        Queued = Math.Max(0, crawl.Known - crawl.Counters.Pages - crawl.Counters.RobotsBlocked),
        Posts = crawl.Counters.Posts,
        Retries = crawl.Pipelines.Retries,
        ByOutcome = crawl.Counters.ByOutcome(),
        Hosts = [.. crawl.Budgets.All.Select(h => new HostStats(h.Host, h.Requests, h.Throttled, h.CurrentRate, h.Concurrency, h.Stalls, h.Throttling))],
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "crawl {CrawlId}: {Done} pages done before, {Pending} to go")]
    private static partial void LogStarted(ILogger logger, string crawlId, long done, long pending);

    [LoggerMessage(Level = LogLevel.Information, Message = "crawl {CrawlId}: {Count} requests leased by a process that stopped are handed out again")]
    private static partial void LogResumedLeases(ILogger logger, string crawlId, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "page {Url} crashed its worker")]
    private static partial void LogPageCrashed(ILogger logger, Exception e, string url);
}
