using Collector.Model;
using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>
/// The snapshot model on MongoDB. Every write is keyed by a natural id (post key, post key + version number, capture id
/// + post key), so that running the same observation twice (a retried unit of work) stores nothing twice.
/// </summary>
internal static class MongoPostWriter
{
    internal enum Seen
    {
        New,
        Changed,
        Unchanged,
    }

    private static readonly ReplaceOptions Upsert = new() { IsUpsert = true };

    public static async Task<Seen> ObserveAsync(MongoStore m, IClientSessionHandle s, Post post, DateTimeOffset at, string? captureId, int ordinal, string? source, bool imported,
        List<Seal> seals, CancellationToken ct)
    {
        var key = MongoMapping.PostId(post.Key);
        var hash = PostContentHash.Compute(post);
        var ticks = at.UtcTicks;
        var doc = await m.Posts.Find(s, p => p.Id == key).FirstOrDefaultAsync(ct);
        var json = CollectorJson.Serialize(post);
        Seen seen;
        int version;
        if (doc is null)
        {
            version = 1;
            var first = Version(key, 1, hash, ticks, captureId, json, null);
            await m.Versions.ReplaceOneAsync(s, v => v.Id == MongoMapping.VersionId(key, 1), first, Upsert, ct);
            seals.Add(MongoMapping.SealOf(first));
            await m.Posts.ReplaceOneAsync(s, p => p.Id == key, new PostDoc
            {
                Id = key, Platform = post.Platform, PostId = post.Id, FirstSeen = ticks, LastSeen = ticks, PublishedAt = post.PublishedAt?.UtcTicks,
                VersionCount = 1, LatestHash = hash, UrlKey = UrlKey.Normalize(post.Url), Imported = imported,
                Sources = source is null ? [] : [source], Title = post.Title, Text = post.Text, Json = json,
                Metrics = MongoMapping.ToDoc(post.Metrics), MetricsAt = ticks,
                Community = post.Community, AuthorKeys = MongoBrowse.AuthorKeys(post), SortPublished = post.PublishedAt?.UtcTicks ?? ticks,
            }, Upsert, ct);
            seen = Seen.New;
        }
        else if (doc.LatestHash == hash)
        {
            if (imported)
            {
                return Seen.Unchanged;
            }

            version = doc.VersionCount;
            await m.Posts.UpdateOneAsync(s, p => p.Id == key, Builders<PostDoc>.Update.Max(p => p.LastSeen, ticks), cancellationToken: ct);
            seen = Seen.Unchanged;
        }
        else
        {
            var previous = await m.Versions.Find(s, v => v.Id == MongoMapping.VersionId(key, doc.VersionCount)).FirstOrDefaultAsync(ct);
            var changes = previous is null ? [] : PostDiff.Compare(CollectorJson.Deserialize<Post>(previous.Json)!, post);
            version = doc.VersionCount + 1;
            var next = Version(key, version, hash, ticks, captureId, json, CollectorJson.Serialize(changes));
            await m.Versions.ReplaceOneAsync(s, v => v.Id == MongoMapping.VersionId(key, version), next, Upsert, ct);
            seals.Add(MongoMapping.SealOf(next));
            var u = Builders<PostDoc>.Update;
            await m.Posts.UpdateOneAsync(s, p => p.Id == key, u.Combine(
                u.Set(p => p.VersionCount, version), u.Set(p => p.LatestHash, hash), u.Set(p => p.UrlKey, UrlKey.Normalize(post.Url)),
                u.Set(p => p.Json, json), u.Set(p => p.Title, post.Title), u.Set(p => p.Text, post.Text),
                u.Set(p => p.PublishedAt, post.PublishedAt?.UtcTicks ?? doc.PublishedAt), u.Max(p => p.LastSeen, ticks),
                u.Set(p => p.Community, post.Community), u.Set(p => p.AuthorKeys, MongoBrowse.AuthorKeys(post)),
                u.Set(p => p.SortPublished, post.PublishedAt?.UtcTicks ?? doc.PublishedAt ?? doc.FirstSeen)), cancellationToken: ct);
            seen = Seen.Changed;
        }

        var metrics = MongoMapping.ToDoc(post.Metrics);
        await m.Posts.UpdateOneAsync(s, p => p.Id == key && p.MetricsAt <= ticks,
            Builders<PostDoc>.Update.Set(p => p.Metrics, metrics).Set(p => p.MetricsAt, ticks), cancellationToken: ct);
        var observationId = captureId is null ? "import|" + MongoMapping.VersionId(key, version) : captureId + "|" + key;
        var observation = new ObservationDoc
        {
            Id = observationId, PostKey = key, At = ticks, CaptureId = captureId, Ordinal = ordinal, Version = version,
            Changed = seen != Seen.Unchanged, Metrics = metrics,
        };
        await m.Observations.ReplaceOneAsync(s, o => o.Id == observationId, observation, Upsert, ct);
        seals.Add(MongoMapping.SealOf(observation));
        if (source is not null)
        {
            await m.Posts.UpdateOneAsync(s, p => p.Id == key, Builders<PostDoc>.Update.AddToSet(p => p.Sources, source), cancellationToken: ct);
        }

        return seen;
    }

    /// <summary>Tombstones the posts a content page shows as removed in place; returns how many were newly tombstoned.</summary>
    public static Task<int> TombstoneRemovedAsync(MongoStore m, IClientSessionHandle s, Capture capture, List<Seal> seals, CancellationToken ct)
    {
        var keys = capture.RemovedPosts.Select(MongoMapping.PostId).Distinct(StringComparer.Ordinal).ToList();
        return keys.Count == 0
            ? Task.FromResult(0)
            : TombstoneWhereAsync(m, s, Builders<PostDoc>.Filter.In(p => p.Id, keys), PageOutcome.Removed.ToWire(), capture, seals, ct);
    }

    public static async Task<int> TombstoneAsync(MongoStore m, IClientSessionHandle s, Capture capture, List<Seal> seals, CancellationToken ct)
    {
        var reason = capture.Outcome.ToWire();
        if (capture.SubjectPost is { } subject)
        {
            var key = MongoMapping.PostId(subject);
            var bySubject = await TombstoneWhereAsync(m, s, Builders<PostDoc>.Filter.Eq(p => p.Id, key), reason, capture, seals, ct);
            if (bySubject > 0)
            {
                return bySubject;
            }
        }

        var urls = new[] { UrlKey.Normalize(capture.RequestUrl), UrlKey.Normalize(capture.FinalUrl) }.OfType<string>().ToList();
        return urls.Count == 0 ? 0 : await TombstoneWhereAsync(m, s, MongoFilters.TombstoneByUrl(urls), reason, capture, seals, ct);
    }

    /// <summary>Tombstones the untombstoned posts <paramref name="filter"/> finds, one by one so that each is sealed.</summary>
    private static async Task<int> TombstoneWhereAsync(MongoStore m, IClientSessionHandle s, FilterDefinition<PostDoc> filter, string reason, Capture capture,
        List<Seal> seals, CancellationToken ct)
    {
        var tombstone = new TombstoneDoc { Reason = reason, At = capture.FetchedAt.UtcTicks, CaptureId = capture.Id };
        var ids = await m.Posts.Find(s, Builders<PostDoc>.Filter.And(filter, Builders<PostDoc>.Filter.Eq(p => p.Tombstone, null)))
            .Project(p => p.Id).ToListAsync(ct);
        var n = 0;
        foreach (var id in ids)
        {
            var r = await m.Posts.UpdateOneAsync(s, p => p.Id == id && p.Tombstone == null, Builders<PostDoc>.Update.Set(p => p.Tombstone, tombstone), cancellationToken: ct);
            if (r.ModifiedCount > 0)
            {
                n++;
                seals.Add(MongoMapping.SealOf(id, tombstone));
            }
        }

        return n;
    }

    private static VersionDoc Version(string key, int number, string hash, long ticks, string? captureId, string json, string? changes) => new()
    {
        Id = MongoMapping.VersionId(key, number), PostKey = key, Number = number, ContentHash = hash, FirstSeen = ticks, CaptureId = captureId,
        Json = json, Changes = changes,
    };
}
