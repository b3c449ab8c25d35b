using System.Runtime.CompilerServices;
using Collector.Model;
using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>The read side on MongoDB.</summary>
public sealed partial class MongoArchive
{
    public Task<PostHistory?> GetHistoryAsync(PostKey key, CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        var id = MongoMapping.PostId(key);
        var doc = await m.Posts.Find(p => p.Id == id).FirstOrDefaultAsync(cancellationToken);
        if (doc is null)
        {
            return null;
        }

        var versions = await m.Versions.Find(v => v.PostKey == id).SortBy(v => v.Number).ToListAsync(cancellationToken);
        var observations = await m.Observations.Find(o => o.PostKey == id).SortBy(o => o.At).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        return new PostHistory
        {
            Key = key,
            Versions = versions.Select(MongoMapping.ToVersion).ToList(),
            Observations = observations.Select(MongoMapping.ToObservation).ToList(),
            Tombstone = MongoMapping.FromDoc(doc.Tombstone),
        };
    });

    public async IAsyncEnumerable<ArchivedPost> QueryPostsAsync(PostQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IFindFluent<PostDoc, PostDoc> find = m.Posts.Find(MongoFilters.Posts(query)).SortBy(p => p.FirstSeen).ThenBy(p => p.Id);
        if (query.Limit is { } limit)
        {
            find = find.Limit(limit);
        }

        using var cursor = await m.GuardAsync(() => find.ToCursorAsync(cancellationToken));
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var doc in cursor.Current)
            {
                yield return await ToArchivedAsync(doc, cancellationToken);
            }
        }
    }

    public async IAsyncEnumerable<ArchivedPost> SearchAsync(string query, int limit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var docs = await m.GuardAsync(() => m.Posts.Find(Builders<PostDoc>.Filter.Text(query))
            .Project<PostDoc>(Builders<PostDoc>.Projection.MetaTextScore("score"))
            .Sort(Builders<PostDoc>.Sort.MetaTextScore("score"))
            .Limit(limit)
            .ToListAsync(cancellationToken));
        foreach (var doc in docs)
        {
            yield return await ToArchivedAsync(doc, cancellationToken);
        }
    }

    public async Task<Capture?> GetCaptureAsync(string captureId, CancellationToken cancellationToken = default)
    {
        var doc = await m.GuardAsync(() => m.Captures.Find(c => c.Id == captureId).FirstOrDefaultAsync(cancellationToken));
        return doc is null ? null : await ToCaptureAsync(doc, includePosts: true, cancellationToken);
    }

    public async IAsyncEnumerable<Capture> QueryCapturesAsync(CaptureQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<string>? ofPost = null;
        if (query.Post is { } key)
        {
            var id = MongoMapping.PostId(key);
            var observed = await m.GuardAsync(() => m.Observations.Find(o => o.PostKey == id && o.CaptureId != null).ToListAsync(cancellationToken));
            ofPost = observed.Select(o => o.CaptureId!).Distinct(StringComparer.Ordinal).ToList();
        }

        IFindFluent<CaptureDoc, CaptureDoc> find = m.Captures.Find(MongoFilters.Captures(query, ofPost)).SortBy(c => c.FetchedAt).ThenBy(c => c.Id);
        if (query.Limit is { } limit)
        {
            find = find.Limit(limit);
        }

        using var cursor = await m.GuardAsync(() => find.ToCursorAsync(cancellationToken));
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var doc in cursor.Current)
            {
                yield return await ToCaptureAsync(doc, query.IncludePosts, cancellationToken);
            }
        }
    }

    private async Task<Capture> ToCaptureAsync(CaptureDoc doc, bool includePosts, CancellationToken ct)
    {
        var capture = CollectorJson.Deserialize<Capture>(doc.Json)!;
        if (!includePosts)
        {
            return capture;
        }

        var observations = await m.Observations.Find(o => o.CaptureId == doc.Id).SortBy(o => o.Ordinal).ToListAsync(ct);
        var ids = observations.Select(o => MongoMapping.VersionId(o.PostKey, o.Version)).ToList();
        var versions = (await m.Versions.Find(Builders<VersionDoc>.Filter.In(v => v.Id, ids)).ToListAsync(ct)).ToDictionary(v => v.Id, StringComparer.Ordinal);
        var posts = observations
            .Where(o => versions.ContainsKey(MongoMapping.VersionId(o.PostKey, o.Version)))
            .Select(o => CollectorJson.Deserialize<Post>(versions[MongoMapping.VersionId(o.PostKey, o.Version)].Json)! with { Metrics = MongoMapping.FromDoc(o.Metrics) })
            .ToList();
        return capture with { Posts = posts };
    }

    private async Task<ArchivedPost> ToArchivedAsync(PostDoc doc, CancellationToken ct)
    {
        var post = CollectorJson.Deserialize<Post>(doc.Json)!;
        var media = new List<ArtifactRef>();
        if (post.Media.Count > 0)
        {
            var urls = post.Media.Select(x => x.Url).ToList();
            var found = await m.ArtifactUrls.Find(a => urls.Contains(a.Url) && a.Kind == ArtifactKinds.Media).ToListAsync(ct);
            media.AddRange(found.Select(a => new ArtifactRef { Kind = a.Kind, Sha256 = a.Sha256, Length = a.Length, ContentType = a.ContentType, Url = a.Url }));
        }

        return MongoMapping.ToArchived(doc, media);
    }
}
