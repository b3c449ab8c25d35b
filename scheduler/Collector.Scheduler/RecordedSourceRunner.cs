using Collector.Configuration;
using Collector.Model;
using Collector.Storage;
using Microsoft.Extensions.Logging;

namespace Collector.Scheduler;

/// <summary>
/// One run of one source, recorded in the archive's run history: the record is saved when the run starts and when it
/// ends (outcome, pages by outcome, posts new/changed/unchanged/removed, errors). Each run re-collects the source's
/// targets and revisits the archived posts inside the source's watch window, so that edits and deletions are noticed.
/// </summary>
public sealed partial class RecordedSourceRunner(
    IArchive archive,
    ISourceCollector collector,
    ConfigState config,
    IEnumerable<IRunCompletionHook> hooks,
    TimeProvider time,
    ILogger<RecordedSourceRunner> logger) : ISourceRunner
{
    public async Task<RunRecord> RunAsync(SourceOptions source, RunTrigger trigger, CancellationToken cancellationToken)
    {
        var configHash = config.Current.Hash;
        var run = new RunRecord
        {
            Id = Ids.New(time),
            Source = source.Name,
            ScheduledAt = trigger.ScheduledAt,
            StartedAt = time.GetUtcNow(),
            Node = trigger.Node ?? Environment.MachineName,
            ConfigHash = configHash,
            RobotsOverride = source.Robots.Obey ? null : source.Robots.OverrideReason,
            Coalesced = trigger.Coalesced,
        };
        await archive.Runs.SaveAsync(run, CancellationToken.None);
        LogStarted(logger, source.Name, run.Id, trigger.Reason, trigger.ScheduledAt);
        if (trigger.Coalesced is { } folded)
        {
            LogCoalesced(logger, source.Name, run.Id, folded.Count, folded.First, folded.Last);
        }

        CollectResult result;
        try
        {
            var revisits = await RevisitUrlsAsync(source, cancellationToken);
            result = await collector.CollectAsync(source, new CollectRequest(run.Id, revisits, configHash), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = new CollectResult { Cancelled = true, Errors = ["stopped by shutdown; the rest of the queue waits for the next run"] };
        }
        catch (Exception ex)
        {
            result = new CollectResult { Errors = [ex.Message] };
        }

        run = run with
        {
            EndedAt = time.GetUtcNow(),
            Outcome = OutcomeOf(result),
            PagesByOutcome = result.PagesByOutcome,
            PostsNew = result.PostsNew,
            PostsChanged = result.PostsChanged,
            PostsUnchanged = result.PostsUnchanged,
            PostsRemoved = result.PostsRemoved,
            Errors = result.PausedReason is { } paused ? [.. result.Errors, "paused: " + paused] : result.Errors,
            RobotsOverride = result.RobotsOverride ?? run.RobotsOverride,
        };
        await archive.Runs.SaveAsync(run, CancellationToken.None);
        LogEnded(logger, source.Name, run.Id, run.Outcome, run.PostsNew, run.PostsChanged, run.PostsRemoved);

        foreach (var hook in hooks)
        {
            try
            {
                await hook.OnRunCompletedAsync(run, CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogHookFailed(logger, run.Id, ex.Message); // never blocks collection
            }
        }

        return run;
    }

    /// <summary>cancelled; failed when nothing usable came back; partial when some pages failed; otherwise succeeded.</summary>
    public static string OutcomeOf(CollectResult result)
    {
        if (result.Cancelled)
        {
            return RunOutcomes.Cancelled;
        }

        var pages = result.PagesByOutcome;
        long Count(PageOutcome o) => pages.TryGetValue(o.ToWire(), out var n) ? n : 0;
        var total = pages.Values.Sum();
        var bad = Count(PageOutcome.Failed) + Count(PageOutcome.LoginWall) + Count(PageOutcome.Captcha) + Count(PageOutcome.RateLimited);
        if (result.PausedReason is not null || (total == 0 && result.Errors.Count > 0) || (total > 0 && bad == total))
        {
            return RunOutcomes.Failed;
        }

        return bad > 0 || result.Errors.Count > 0 ? RunOutcomes.Partial : RunOutcomes.Succeeded;
    }

    private async Task<IReadOnlyList<string>> RevisitUrlsAsync(SourceOptions source, CancellationToken cancellationToken)
    {
        if (source.WatchWindow is not { } window || window <= TimeSpan.Zero)
        {
            return [];
        }

        var urls = new List<string>();
        var query = new PostQuery { Source = source.Name, PublishedSince = time.GetUtcNow() - window, IncludeTombstoned = false };
        await foreach (var post in archive.QueryPostsAsync(query, cancellationToken))
        {
            if (post.Post.Url is { Length: > 0 } url && post.Post.Kind != PostKinds.Comment)
            {
                urls.Add(url);
            }
        }

        return urls.Distinct(StringComparer.Ordinal).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} of source {Source} started ({Reason}, fire {Scheduled:yyyy-MM-ddTHH:mm:ssZ})")]
    private static partial void LogStarted(ILogger logger, string source, string runId, string reason, DateTimeOffset? scheduled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "run {RunId} of source {Source} stands in for {Count} earlier fires, {First:yyyy-MM-ddTHH:mm:ssZ} to {Last:yyyy-MM-ddTHH:mm:ssZ}, that passed while its previous run was still going or no node could take them (misfire policy: fire once now)")]
    private static partial void LogCoalesced(ILogger logger, string source, string runId, long count, DateTimeOffset first, DateTimeOffset last);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} of source {Source} ended {Outcome}: {New} new, {Changed} changed, {Removed} removed posts")]
    private static partial void LogEnded(ILogger logger, string source, string runId, string outcome, long @new, long changed, long removed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "after run {RunId}: {Error}")]
    private static partial void LogHookFailed(ILogger logger, string runId, string error);
}
