using Collector.Model;
using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>The crawl queue: _id (crawl, unique key) dedupes; each lease is one atomic find-and-modify.</summary>
internal sealed class MongoRequestQueue(MongoStore m, TimeProvider time) : IRequestQueue
{
    private static readonly UpdateDefinitionBuilder<QueueDoc> U = Builders<QueueDoc>.Update;

    public Task<int> EnqueueAsync(string crawlId, IEnumerable<QueueRequest> requests, CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        var baseSeq = time.GetUtcNow().UtcTicks;
        // Insert-only upserts: a request already known to this crawl keeps its state (never reset to pending).
        var inserts = requests.Select((q, i) =>
        {
            var d = MongoMapping.ToDoc(crawlId, q, baseSeq + i);
            return (WriteModel<QueueDoc>)new UpdateOneModel<QueueDoc>(Builders<QueueDoc>.Filter.Eq(x => x.Id, d.Id), SetOnInsert(d)) { IsUpsert = true };
        }).ToList();
        if (inserts.Count == 0)
        {
            return 0;
        }

        var result = await m.Queue.BulkWriteAsync(inserts, new BulkWriteOptions { IsOrdered = true }, cancellationToken);
        return result.Upserts.Count;
    });

    public Task<IReadOnlyList<QueueLease>> LeaseAsync(string crawlId, int max, TimeSpan leaseFor, CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        var now = time.GetUtcNow();
        var leases = new List<QueueLease>();
        var token = Ids.New(time);
        for (var i = 0; i < max; i++)
        {
            var doc = await m.Queue.FindOneAndUpdateAsync(
                MongoFilters.Leasable(crawlId, now.UtcTicks),
                U.Set(d => d.State, "leased").Inc(d => d.Attempt, 1).Set(d => d.LeaseToken, token + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Set(d => d.LeaseExpires, (now + leaseFor).UtcTicks),
                new FindOneAndUpdateOptions<QueueDoc>
                {
                    Sort = Builders<QueueDoc>.Sort.Descending(d => d.Priority).Ascending(d => d.Seq),
                    ReturnDocument = ReturnDocument.After,
                },
                cancellationToken);
            if (doc is null)
            {
                break;
            }

            leases.Add(MongoMapping.ToLease(doc));
        }

        return (IReadOnlyList<QueueLease>)leases;
    });

    public Task CompleteAsync(QueueLease lease, PageOutcome outcome, CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        using var s = await m.Client.StartSessionAsync(cancellationToken: cancellationToken);
        await CompleteAsync(m, s, lease, outcome, cancellationToken);
        return 0;
    });

    internal static Task<UpdateResult> CompleteAsync(MongoStore m, IClientSessionHandle s, QueueLease lease, PageOutcome outcome, CancellationToken ct) =>
        m.Queue.UpdateOneAsync(s, d => d.Id == lease.CrawlId + "|" + lease.Request.UniqueKey && d.State != "done",
            U.Set(d => d.State, "done").Set(d => d.Outcome, outcome.ToWire()).Set(d => d.LeaseToken, null).Set(d => d.LeaseExpires, null),
            cancellationToken: ct);

    public Task RetryLaterAsync(QueueLease lease, DateTimeOffset notBefore, string error, CancellationToken cancellationToken = default) =>
        m.GuardAsync(() => m.Queue.UpdateOneAsync(d => d.Id == lease.CrawlId + "|" + lease.Request.UniqueKey && d.LeaseToken == lease.Token,
            U.Set(d => d.State, "pending").Set(d => d.NotBefore, notBefore.UtcTicks).Set(d => d.Error, error).Set(d => d.LeaseToken, null).Set(d => d.LeaseExpires, null),
            cancellationToken: cancellationToken));

    public Task FailAsync(QueueLease lease, string error, CancellationToken cancellationToken = default) =>
        m.GuardAsync(() => m.Queue.UpdateOneAsync(d => d.Id == lease.CrawlId + "|" + lease.Request.UniqueKey && d.LeaseToken == lease.Token,
            U.Set(d => d.State, "failed").Set(d => d.Error, error).Set(d => d.LeaseToken, null).Set(d => d.LeaseExpires, null),
            cancellationToken: cancellationToken));

    public Task<int> ReleaseLeasesAsync(string crawlId, CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        var r = await m.Queue.UpdateManyAsync(d => d.CrawlId == crawlId && d.State == "leased",
            U.Set(d => d.State, "pending").Set(d => d.LeaseToken, null).Set(d => d.LeaseExpires, null), cancellationToken: cancellationToken);
        return (int)r.ModifiedCount;
    });

    public Task<QueueCounts> CountAsync(string crawlId, CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        var now = time.GetUtcNow().UtcTicks;
        var f = Builders<QueueDoc>.Filter;
        var crawl = f.Eq(d => d.CrawlId, crawlId);
        var pending = await m.Queue.CountDocumentsAsync(f.And(crawl, f.Or(f.Eq(d => d.State, "pending"), f.And(f.Eq(d => d.State, "leased"), f.Lte(d => d.LeaseExpires, now)))), cancellationToken: cancellationToken);
        var leased = await m.Queue.CountDocumentsAsync(f.And(crawl, f.Eq(d => d.State, "leased"), f.Gt(d => d.LeaseExpires, now)), cancellationToken: cancellationToken);
        var done = await m.Queue.CountDocumentsAsync(f.And(crawl, f.Eq(d => d.State, "done")), cancellationToken: cancellationToken);
        var failed = await m.Queue.CountDocumentsAsync(f.And(crawl, f.Eq(d => d.State, "failed")), cancellationToken: cancellationToken);
        return new QueueCounts(pending, leased, done, failed);
    });

    /// <summary>The insert-only update of a queue request (exposed for rendering in tests).</summary>
    public static UpdateDefinition<QueueDoc> SetOnInsert(QueueDoc d) => U
        .SetOnInsert(x => x.CrawlId, d.CrawlId).SetOnInsert(x => x.UniqueKey, d.UniqueKey).SetOnInsert(x => x.Url, d.Url)
        .SetOnInsert(x => x.Label, d.Label).SetOnInsert(x => x.Depth, d.Depth).SetOnInsert(x => x.ParentUrl, d.ParentUrl)
        .SetOnInsert(x => x.Render, d.Render).SetOnInsert(x => x.Priority, d.Priority).SetOnInsert(x => x.Seq, d.Seq)
        .SetOnInsert(x => x.State, "pending").SetOnInsert(x => x.Attempt, 0).SetOnInsert(x => x.NotBefore, 0L);
}
