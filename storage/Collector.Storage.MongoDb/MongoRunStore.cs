using Collector.Model;
using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>
/// Runs, each save sealed by a custody entry in the same unit of work (<see cref="RunLog"/>). Opening the archive marks
/// interrupted the runs whose process on this host has died.
/// </summary>
internal sealed class MongoRunStore(MongoStore m, MongoCustodyLog custody, TimeProvider time) : IRunStore
{
    /// <summary>Saves the run, sealed; a run's end writes the log's head to the anchor file.</summary>
    public async Task SaveAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        var saved = await m.UnitAsync((s, ct) => SaveAsync(s, run, interrupted: false, ct), cancellationToken);
        if (saved > 0 && RunLog.IsEnded(run) && await custody.HeadAsync(cancellationToken) is { } head)
        {
            await custody.AnchorAsync(head, "end of run " + run.Id, cancellationToken);
        }
    }

    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        var running = await m.GuardAsync(() => m.Runs.Find(r => r.Outcome == RunOutcomes.Running).ToListAsync(cancellationToken));
        var marked = 0;
        foreach (var doc in running.Where(d => RunLog.OwnerIsGone(d.Owner)))
        {
            var run = MongoMapping.FromDoc(doc);
            var captures = await m.GuardAsync(() => m.Captures.Find(c => c.RunId == run.Id).Project(c => new { c.Outcome, c.FetchedAt }).ToListAsync(cancellationToken));
            var pages = captures.GroupBy(c => c.Outcome).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
            var last = captures.Count == 0 ? (DateTimeOffset?)null : MongoMapping.Time(captures.Max(c => c.FetchedAt));
            await m.UnitAsync((s, ct) => SaveAsync(s, RunLog.Interrupted(run, pages, last, time.GetUtcNow()), interrupted: true, ct), cancellationToken);
            if (await custody.HeadAsync(cancellationToken) is { } head)
            {
                await custody.AnchorAsync(head, "run " + run.Id + " marked interrupted", cancellationToken);
            }

            marked++;
        }

        return marked;
    }

    private async Task<int> SaveAsync(IClientSessionHandle s, RunRecord run, bool interrupted, CancellationToken ct)
    {
        var doc = MongoMapping.ToDoc(run);
        doc.Owner = interrupted || RunLog.IsEnded(run) ? null : RunLog.CurrentOwner;
        var before = await m.Runs.Find(s, r => r.Id == run.Id).FirstOrDefaultAsync(ct);
        if (before is not null && string.Equals(before.Json, doc.Json, StringComparison.Ordinal))
        {
            return 0;
        }

        await m.Runs.ReplaceOneAsync(s, r => r.Id == run.Id, doc, new ReplaceOptions { IsUpsert = true }, ct);
        await custody.AppendAsync(s, RunLog.Event(run, doc.Json, existed: before is not null, interrupted), ct);
        return 1;
    }

    public Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        var doc = await m.Runs.Find(r => r.Id == runId).FirstOrDefaultAsync(cancellationToken);
        return doc is null ? null : MongoMapping.FromDoc(doc);
    });

    public Task<IReadOnlyList<RunRecord>> ListAsync(string? source = null, int? last = null, CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        var filter = source is null ? FilterDefinition<RunDoc>.Empty : Builders<RunDoc>.Filter.Eq(r => r.Source, source);
        IFindFluent<RunDoc, RunDoc> find = m.Runs.Find(filter).SortByDescending(r => r.StartedAt).ThenByDescending(r => r.Id);
        if (last is { } n)
        {
            find = find.Limit(n);
        }

        var docs = await find.ToListAsync(cancellationToken);
        return (IReadOnlyList<RunRecord>)docs.Select(MongoMapping.FromDoc).ToList();
    });
}
