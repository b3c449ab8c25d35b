using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace Collector.Storage.MongoDb;

/// <summary>
/// The database and its collections, and how a unit of work runs: inside a transaction where the deployment allows
/// (replica set or sharded cluster), otherwise as ordered idempotent writes on a plain session.
/// </summary>
internal sealed class MongoStore
{
    public MongoStore(IMongoClient client, IMongoDatabase db, bool transactions, string description)
    {
        Client = client;
        Transactions = transactions;
        Description = description;
        Posts = db.GetCollection<PostDoc>("posts");
        Versions = db.GetCollection<VersionDoc>("versions");
        Observations = db.GetCollection<ObservationDoc>("observations");
        Captures = db.GetCollection<CaptureDoc>("captures");
        Runs = db.GetCollection<RunDoc>("runs");
        Queue = db.GetCollection<QueueDoc>("queue");
        Custody = db.GetCollection<CustodyDoc>("custody");
        ArtifactUrls = db.GetCollection<ArtifactUrlDoc>("artifact_urls");
        CaptureClaims = db.GetCollection<CaptureClaimDoc>("capture_claims");
        Artifacts = new GridFSBucket(db, new GridFSBucketOptions { BucketName = "artifacts" });
    }

    public IMongoClient Client { get; }
    public bool Transactions { get; }
    public string Description { get; }
    public IMongoCollection<PostDoc> Posts { get; }
    public IMongoCollection<VersionDoc> Versions { get; }
    public IMongoCollection<ObservationDoc> Observations { get; }
    public IMongoCollection<CaptureDoc> Captures { get; }
    public IMongoCollection<RunDoc> Runs { get; }
    public IMongoCollection<QueueDoc> Queue { get; }
    public IMongoCollection<CustodyDoc> Custody { get; }
    public IMongoCollection<ArtifactUrlDoc> ArtifactUrls { get; }
    public IMongoCollection<CaptureClaimDoc> CaptureClaims { get; }
    public GridFSBucket Artifacts { get; }

    public async Task CreateIndexesAsync(CancellationToken ct)
    {
        await Posts.Indexes.CreateManyAsync(MongoIndexes.Posts, ct);
        await MongoBrowse.BackfillAsync(Posts, ct);
        await Versions.Indexes.CreateManyAsync(MongoIndexes.Versions, ct);
        await Observations.Indexes.CreateManyAsync(MongoIndexes.Observations, ct);
        await Captures.Indexes.CreateManyAsync(MongoIndexes.Captures, ct);
        await Queue.Indexes.CreateManyAsync(MongoIndexes.Queue, ct);
        await Custody.Indexes.CreateManyAsync(MongoIndexes.Custody, ct);
        await Runs.Indexes.CreateManyAsync(MongoIndexes.Runs, ct);
        await ArtifactUrls.Indexes.CreateManyAsync(MongoIndexes.ArtifactUrls, ct);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction (retried on transient errors) or, without one, once on a session.</summary>
    public Task<T> UnitAsync<T>(Func<IClientSessionHandle, CancellationToken, Task<T>> work, CancellationToken ct) => MongoFailures.GuardAsync(Description, async () =>
    {
        using var session = await Client.StartSessionAsync(cancellationToken: ct);
        if (!Transactions)
        {
            return await work(session, ct);
        }

        return await session.WithTransactionAsync(work, new TransactionOptions(writeConcern: WriteConcern.WMajority), ct);
    });

    public Task<T> GuardAsync<T>(Func<Task<T>> work) => MongoFailures.GuardAsync(Description, work);

    public static readonly BsonDocument Ping = new("ping", 1);
}
