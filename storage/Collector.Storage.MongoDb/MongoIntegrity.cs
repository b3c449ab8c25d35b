using System.Runtime.CompilerServices;
using Collector.Model;
using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>
/// The MongoDB archive as the verifier reads it: every sealed record recomputed from its document (captures, versions,
/// observations, tombstones, runs), each collection streamed through a cursor; and each post document's summary
/// (version count, latest hash and JSON, first and last seen) held against its versions and observations.
/// Artifacts live in GridFS: their bytes are checked by the artifact store, their file records against their seals.
/// The anchor file is kept on the writing machine (<see cref="MongoCustodyLog.AnchorPath"/>).
/// </summary>
internal sealed class MongoIntegrity(MongoStore m, MongoArtifactStore artifacts, MongoCustodyLog custody) : IArchiveIntegrity
{
    public string? AnchorPath => custody.AnchorPath;

    public Task<IReadOnlyList<string>> RemoveTemporaryFilesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public Task<long> CountRecordsAsync(CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
        await m.Captures.CountDocumentsAsync(FilterDefinition<CaptureDoc>.Empty, cancellationToken: cancellationToken)
        + await m.Versions.CountDocumentsAsync(FilterDefinition<VersionDoc>.Empty, cancellationToken: cancellationToken)
        + await m.Observations.CountDocumentsAsync(FilterDefinition<ObservationDoc>.Empty, cancellationToken: cancellationToken)
        + await m.Posts.CountDocumentsAsync(p => p.Tombstone != null, cancellationToken: cancellationToken)
        + await m.Runs.CountDocumentsAsync(FilterDefinition<RunDoc>.Empty, cancellationToken: cancellationToken)
        + await m.Artifacts.Database.GetCollection<MongoDB.Bson.BsonDocument>("artifacts.files").CountDocumentsAsync(FilterDefinition<MongoDB.Bson.BsonDocument>.Empty, cancellationToken: cancellationToken));

    public async IAsyncEnumerable<StoredRecord> ReadRecordsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var d in All(m.Captures, FilterDefinition<CaptureDoc>.Empty, cancellationToken))
        {
            yield return Record(MongoMapping.SealOf(d), d.Id);
        }

        await foreach (var d in All(m.Versions, FilterDefinition<VersionDoc>.Empty, cancellationToken))
        {
            yield return Record(MongoMapping.SealOf(d), d.CaptureId);
        }

        await foreach (var d in All(m.Observations, FilterDefinition<ObservationDoc>.Empty, cancellationToken))
        {
            yield return Record(MongoMapping.SealOf(d), d.CaptureId);
        }

        await foreach (var d in All(m.Posts, Builders<PostDoc>.Filter.Ne(p => p.Tombstone, null), cancellationToken))
        {
            yield return Record(MongoMapping.SealOf(d.Id, d.Tombstone!), d.Tombstone!.CaptureId);
        }

        await foreach (var d in All(m.Runs, FilterDefinition<RunDoc>.Empty, cancellationToken))
        {
            yield return Record(RecordSeal.Run(d.Id, d.Json), null);
        }

        // each artifact as the store reads it: the first file uploaded under its hash
        await foreach (var sha in artifacts.ListAsync(cancellationToken))
        {
            if (await m.GuardAsync(() => artifacts.FindAsync(sha, cancellationToken)) is { } file)
            {
                yield return Record(MongoArtifactStore.SealOf(file), null);
            }
        }
    }

    public async IAsyncEnumerable<string> ListArtifactsAsync(string kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var filter = Builders<MongoDB.Driver.GridFS.GridFSFileInfo>.Filter.Eq("metadata.kind", kind);
        using var cursor = await m.GuardAsync(() => m.Artifacts.FindAsync(filter, cancellationToken: cancellationToken));
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var f in cursor.Current)
            {
                if (seen.Add(f.Filename))
                {
                    yield return f.Filename;
                }
            }
        }
    }

    public async IAsyncEnumerable<IntegrityProblem> CheckStorageAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var post in All(m.Posts, FilterDefinition<PostDoc>.Empty, cancellationToken))
        {
            var versions = await m.GuardAsync(() => m.Versions.Find(v => v.PostKey == post.Id).SortBy(v => v.Number).ToListAsync(cancellationToken));
            var observed = await m.GuardAsync(() => m.Observations.Find(o => o.PostKey == post.Id).Project(o => o.At).ToListAsync(cancellationToken));
            foreach (var p in Compare(post, versions, observed))
            {
                yield return p;
            }
        }
    }

    private static IEnumerable<IntegrityProblem> Compare(PostDoc post, List<VersionDoc> versions, List<long> observed)
    {
        if (versions.Count == 0)
        {
            yield return new IntegrityProblem("posts", post.Id, "has no version", "at least version 1", "none");
            yield break;
        }

        var latest = versions[^1];
        if (post.VersionCount != latest.Number || versions.Select((v, i) => v.Number != i + 1).Any(b => b))
        {
            yield return new IntegrityProblem("posts", post.Id, "versionCount disagrees with its versions", N(latest.Number), N(post.VersionCount));
        }

        if (post.LatestHash != latest.ContentHash)
        {
            yield return new IntegrityProblem("posts", post.Id, "latestHash disagrees with its latest version", latest.ContentHash, post.LatestHash);
        }

        if (post.Json != latest.Json)
        {
            yield return new IntegrityProblem("posts", post.Id, "json disagrees with its latest version", PostContentHash.Compute(CollectorJson.Deserialize<Post>(latest.Json)!),
                CollectorJson.Deserialize<Post>(post.Json) is { } p ? PostContentHash.Compute(p) : "unreadable");
        }

        if (versions[0].FirstSeen != post.FirstSeen)
        {
            yield return new IntegrityProblem("posts", post.Id, "firstSeen disagrees with its first version", N(versions[0].FirstSeen), N(post.FirstSeen));
        }

        if (observed.Count > 0 && observed.Max() != post.LastSeen)
        {
            yield return new IntegrityProblem("posts", post.Id, "lastSeen disagrees with its latest observation", N(observed.Max()), N(post.LastSeen));
        }
    }

    private static StoredRecord Record(Seal seal, string? captureId) => new(seal.Table, seal.Key, seal.Hash, captureId);

    private static string N(long v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async IAsyncEnumerable<T> All<T>(IMongoCollection<T> collection, FilterDefinition<T> filter, [EnumeratorCancellation] CancellationToken ct)
    {
        using var cursor = await m.GuardAsync(() => collection.Find(filter).ToCursorAsync(ct));
        while (await cursor.MoveNextAsync(ct))
        {
            foreach (var d in cursor.Current)
            {
                yield return d;
            }
        }
    }
}
