using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

internal sealed class MongoRunStore(MongoStore m) : IRunStore
{
    public Task SaveAsync(RunRecord run, CancellationToken cancellationToken = default) =>
        m.GuardAsync(() => m.Runs.ReplaceOneAsync(r => r.Id == run.Id, MongoMapping.ToDoc(run), new ReplaceOptions { IsUpsert = true }, cancellationToken));

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
