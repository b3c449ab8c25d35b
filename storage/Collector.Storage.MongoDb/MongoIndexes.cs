using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>The indexes each query needs, created at start (creating an existing index is a no-op).</summary>
public static class MongoIndexes
{
    public static IReadOnlyList<CreateIndexModel<PostDoc>> Posts { get; } =
    [
        new(Builders<PostDoc>.IndexKeys.Ascending(p => p.UrlKey), new CreateIndexOptions { Name = "urlKey" }),
        new(Builders<PostDoc>.IndexKeys.Ascending(p => p.Platform).Ascending(p => p.FirstSeen), new CreateIndexOptions { Name = "platform_firstSeen" }),
        new(Builders<PostDoc>.IndexKeys.Ascending(p => p.Sources), new CreateIndexOptions { Name = "sources" }),
        new(Builders<PostDoc>.IndexKeys.Text(p => p.Title).Text(p => p.Text), new CreateIndexOptions { Name = "text", DefaultLanguage = "none" }),

        // Browsing: each sort with its keyset tie-breaker, and the filters a sort does not cover.
        new(Builders<PostDoc>.IndexKeys.Ascending(p => p.FirstSeen).Ascending(p => p.Id), new CreateIndexOptions { Name = "browse_firstSeen" }),
        new(Builders<PostDoc>.IndexKeys.Ascending(p => p.SortPublished).Ascending(p => p.Id), new CreateIndexOptions { Name = "browse_published" }),
        new(Builders<PostDoc>.IndexKeys.Ascending(p => p.VersionCount).Ascending(p => p.Id), new CreateIndexOptions { Name = "browse_versions" }),
        new(Builders<PostDoc>.IndexKeys.Ascending(p => p.Community), new CreateIndexOptions { Name = "browse_community" }),
        new(Builders<PostDoc>.IndexKeys.Ascending(p => p.AuthorKeys), new CreateIndexOptions { Name = "browse_author" }),
    ];

    public static IReadOnlyList<CreateIndexModel<VersionDoc>> Versions { get; } =
    [
        new(Builders<VersionDoc>.IndexKeys.Ascending(v => v.PostKey).Ascending(v => v.Number), new CreateIndexOptions { Name = "post_number", Unique = true }),
    ];

    public static IReadOnlyList<CreateIndexModel<ObservationDoc>> Observations { get; } =
    [
        new(Builders<ObservationDoc>.IndexKeys.Ascending(o => o.PostKey).Ascending(o => o.At), new CreateIndexOptions { Name = "post_at" }),
        new(Builders<ObservationDoc>.IndexKeys.Ascending(o => o.CaptureId).Ascending(o => o.Ordinal), new CreateIndexOptions { Name = "capture_ordinal" }),
    ];

    public static IReadOnlyList<CreateIndexModel<CaptureDoc>> Captures { get; } =
    [
        new(Builders<CaptureDoc>.IndexKeys.Ascending(c => c.FetchedAt).Ascending(c => c.Id), new CreateIndexOptions { Name = "fetchedAt" }),
        new(Builders<CaptureDoc>.IndexKeys.Ascending(c => c.RunId), new CreateIndexOptions { Name = "runId" }),
        new(Builders<CaptureDoc>.IndexKeys.Ascending(c => c.RequestUrl), new CreateIndexOptions { Name = "requestUrl" }),
        new(Builders<CaptureDoc>.IndexKeys.Ascending(c => c.FinalUrl), new CreateIndexOptions { Name = "finalUrl" }),
    ];

    public static IReadOnlyList<CreateIndexModel<QueueDoc>> Queue { get; } =
    [
        new(Builders<QueueDoc>.IndexKeys.Ascending(q => q.CrawlId).Ascending(q => q.State).Descending(q => q.Priority).Ascending(q => q.Seq),
            new CreateIndexOptions { Name = "crawl_state_priority" }),
    ];

    public static IReadOnlyList<CreateIndexModel<CustodyDoc>> Custody { get; } =
    [
        new(Builders<CustodyDoc>.IndexKeys.Ascending(c => c.Action).Ascending(c => c.Subject), new CreateIndexOptions { Name = "action_subject" }),
        new(Builders<CustodyDoc>.IndexKeys.Ascending(c => c.Capture), new CreateIndexOptions<CustodyDoc>
        {
            Name = CaptureIndex, Unique = true, PartialFilterExpression = Builders<CustodyDoc>.Filter.Exists(c => c.Capture),
        }),
    ];

    /// <summary>The unique index that lets a capture be logged only once, even on a standalone server without transactions.</summary>
    public const string CaptureIndex = "capture_unique";

    public static IReadOnlyList<CreateIndexModel<RunDoc>> Runs { get; } =
    [
        new(Builders<RunDoc>.IndexKeys.Ascending(r => r.Source).Descending(r => r.StartedAt), new CreateIndexOptions { Name = "source_startedAt" }),
        new(Builders<RunDoc>.IndexKeys.Ascending(r => r.Outcome), new CreateIndexOptions { Name = "outcome" }),
    ];

    public static IReadOnlyList<CreateIndexModel<ArtifactUrlDoc>> ArtifactUrls { get; } =
    [
        new(Builders<ArtifactUrlDoc>.IndexKeys.Ascending(a => a.Url).Ascending(a => a.Kind), new CreateIndexOptions { Name = "url_kind" }),
    ];
}
