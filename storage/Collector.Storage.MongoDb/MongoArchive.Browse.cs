using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>
/// Browsing for `collector serve` on MongoDB: one keyset query over the posts collection (the text index for words,
/// <see cref="MongoBrowse"/> for the filters and the cursor), so page 1,000 costs what page 1 costs.
/// </summary>
public sealed partial class MongoArchive : IPostBrowser
{
    public Task<BrowsePage> BrowseAsync(BrowseQuery query, CancellationToken cancellationToken = default) => m.GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 500);
        var docs = await m.Posts.Find(MongoBrowse.Filter(query)).Sort(MongoBrowse.Sort(query.Sort)).Limit(limit + 1).ToListAsync(cancellationToken);
        var more = docs.Count > limit;
        if (more)
        {
            docs.RemoveAt(docs.Count - 1);
        }

        var posts = new List<ArchivedPost>(docs.Count);
        foreach (var doc in docs)
        {
            posts.Add(await ToArchivedAsync(doc, cancellationToken));
        }

        var next = more ? new BrowseCursor(MongoBrowse.SortValue(docs[^1], query.Sort), docs[^1].Id).Encode() : null;
        return new BrowsePage(posts, next);
    });
}
