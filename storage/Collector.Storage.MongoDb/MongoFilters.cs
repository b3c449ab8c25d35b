using Collector.Model;
using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>The filters each query uses (rendered in tests without a server).</summary>
public static class MongoFilters
{
    private static readonly FilterDefinitionBuilder<PostDoc> PostF = Builders<PostDoc>.Filter;
    private static readonly FilterDefinitionBuilder<CaptureDoc> CaptureF = Builders<CaptureDoc>.Filter;
    private static readonly FilterDefinitionBuilder<QueueDoc> QueueF = Builders<QueueDoc>.Filter;

    public static FilterDefinition<PostDoc> Posts(PostQuery q)
    {
        var parts = new List<FilterDefinition<PostDoc>>();
        if (q.Platforms.Count > 0)
        {
            parts.Add(PostF.In(p => p.Platform, q.Platforms.Select(p => p.ToLowerInvariant())));
        }

        if (q.Source is not null)
        {
            parts.Add(PostF.AnyEq(p => p.Sources, q.Source));
        }

        if (q.Since is { } since)
        {
            parts.Add(PostF.Or(PostF.Gte(p => p.FirstSeen, since.UtcTicks), PostF.Gte(p => p.PublishedAt, since.UtcTicks)));
        }

        if (q.Until is { } until)
        {
            parts.Add(PostF.Lte(p => p.FirstSeen, until.UtcTicks));
        }

        if (q.PublishedSince is { } ps)
        {
            parts.Add(PostF.Or(PostF.Gte(p => p.PublishedAt, ps.UtcTicks), PostF.And(PostF.Eq(p => p.PublishedAt, null), PostF.Gte(p => p.FirstSeen, ps.UtcTicks))));
        }

        if (!q.IncludeTombstoned)
        {
            parts.Add(PostF.Eq(p => p.Tombstone, null));
        }

        return parts.Count == 0 ? PostF.Empty : PostF.And(parts);
    }

    public static FilterDefinition<CaptureDoc> Captures(CaptureQuery q, IReadOnlyList<string>? captureIdsOfPost)
    {
        var parts = new List<FilterDefinition<CaptureDoc>>();
        if (q.RunId is not null) parts.Add(CaptureF.Eq(c => c.RunId, q.RunId));
        if (q.Source is not null) parts.Add(CaptureF.Eq(c => c.Source, q.Source));
        if (q.Url is not null) parts.Add(CaptureF.Or(CaptureF.Eq(c => c.RequestUrl, q.Url), CaptureF.Eq(c => c.FinalUrl, q.Url)));
        if (q.Since is { } since) parts.Add(CaptureF.Gte(c => c.FetchedAt, since.UtcTicks));
        if (q.Until is { } until) parts.Add(CaptureF.Lte(c => c.FetchedAt, until.UtcTicks));
        if (q.Platforms.Count > 0) parts.Add(CaptureF.In(c => c.Platform, q.Platforms.Select(p => p.ToLowerInvariant())));
        if (captureIdsOfPost is not null) parts.Add(CaptureF.In(c => c.Id, captureIdsOfPost));
        return parts.Count == 0 ? CaptureF.Empty : CaptureF.And(parts);
    }

    /// <summary>Requests of a crawl that may be leased now: pending and due, or leased with the lease run out.</summary>
    public static FilterDefinition<QueueDoc> Leasable(string crawlId, long nowTicks) => QueueF.And(
        QueueF.Eq(d => d.CrawlId, crawlId),
        QueueF.Or(
            QueueF.And(QueueF.Eq(d => d.State, "pending"), QueueF.Lte(d => d.NotBefore, nowTicks)),
            QueueF.And(QueueF.Eq(d => d.State, "leased"), QueueF.Lte(d => d.LeaseExpires, nowTicks))));

    /// <summary>Posts a gone page stands for, by the normalized URL of the request or the final URL.</summary>
    public static FilterDefinition<PostDoc> TombstoneByUrl(IEnumerable<string> urlKeys) =>
        PostF.And(PostF.In(p => p.UrlKey, urlKeys.Distinct(StringComparer.Ordinal)), PostF.Eq(p => p.Tombstone, null));
}
