using System.Linq.Expressions;
using Collector.Model;
using MongoDB.Driver;

namespace Collector.Storage.MongoDb;

/// <summary>
/// Browsing on MongoDB (see <see cref="IPostBrowser"/>): the filters and the keyset condition over the posts collection
/// (rendered in tests without a server), the fields the writer keeps for them, and their backfill for posts written
/// before those fields existed.
/// </summary>
public static class MongoBrowse
{
    private static readonly FilterDefinitionBuilder<PostDoc> F = Builders<PostDoc>.Filter;

    /// <summary>The values an author filter matches: handle, id and name of the latest version's author.</summary>
    public static List<string> AuthorKeys(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return new[] { post.Author?.Handle, post.Author?.Id, post.Author?.Name }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The field a sort orders by (then by _id, the tie-breaker), and whether it is descending.</summary>
    public static (string Field, bool Descending) SortOf(BrowseSort sort) => sort switch
    {
        BrowseSort.FirstSeenDesc or BrowseSort.FirstSeenAsc => ("firstSeen", BrowseCursor.Descending(sort)),
        BrowseSort.PublishedDesc or BrowseSort.PublishedAsc => ("sortPublished", BrowseCursor.Descending(sort)),
        _ => ("versionCount", true),
    };

    /// <summary>A row's value in the sort's field (the cursor's value).</summary>
    public static long SortValue(PostDoc doc, BrowseSort sort)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return SortOf(sort).Field switch
        {
            "firstSeen" => doc.FirstSeen,
            "sortPublished" => doc.SortPublished ?? doc.PublishedAt ?? doc.FirstSeen,
            _ => doc.VersionCount,
        };
    }

    /// <summary>
    /// The words as MongoDB text search phrases: each word quoted, so that all must occur (a bare "a b" finds either),
    /// and any quote or minus the user typed is taken as text, never as syntax.
    /// </summary>
    public static string? TextSearch(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = text.Split((char[])[' ', '\t', '\n', '\r', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.TrimStart('-'))
            .Where(w => w.Length > 0)
            .Select(w => "\"" + w + "\"")
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    public static FilterDefinition<PostDoc> Filter(BrowseQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var parts = new List<FilterDefinition<PostDoc>>();
        if (TextSearch(q.Text) is { } search)
        {
            parts.Add(F.Text(search, new TextSearchOptions { CaseSensitive = false, DiacriticSensitive = false }));
        }

        if (q.Platforms.Count > 0)
        {
            parts.Add(F.In(p => p.Platform, q.Platforms.Select(p => p.ToLowerInvariant())));
        }

        if (q.Community is not null)
        {
            parts.Add(F.Eq(p => p.Community, q.Community));
        }

        if (q.Author is not null)
        {
            parts.Add(F.AnyEq(p => p.AuthorKeys, q.Author));
        }

        if (q.From is { } from)
        {
            parts.Add(F.Gte(p => p.SortPublished, from.UtcTicks));
        }

        if (q.To is { } to)
        {
            parts.Add(F.Lt(p => p.SortPublished, to.UtcTicks));
        }

        if (q.HasVersions is { } hv)
        {
            parts.Add(hv ? F.Gt(p => p.VersionCount, 1) : F.Eq(p => p.VersionCount, 1));
        }

        if (q.Deleted is { } deleted)
        {
            parts.Add(deleted ? F.Ne(p => p.Tombstone, null) : F.Eq(p => p.Tombstone, null));
        }

        if (q.Only is { } only)
        {
            parts.Add(F.In(p => p.Id, only.Select(MongoMapping.PostId)));
        }

        if (BrowseCursor.Decode(q.After) is { } after)
        {
            parts.Add(After(q.Sort, after));
        }

        return parts.Count == 0 ? F.Empty : F.And(parts);
    }

    public static SortDefinition<PostDoc> Sort(BrowseSort sort)
    {
        var (field, descending) = SortOf(sort);
        var s = Builders<PostDoc>.Sort;
        return descending ? s.Descending(field).Descending("_id") : s.Ascending(field).Ascending("_id");
    }

    /// <summary>Rows after the cursor in the sort's order: a later value, or the same value and a later _id.</summary>
    private static FilterDefinition<PostDoc> After(BrowseSort sort, BrowseCursor after)
    {
        var (field, descending) = SortOf(sort);
        return field switch
        {
            "firstSeen" => Keyset(p => p.FirstSeen, after.Value, after.Tie, descending),
            "sortPublished" => Keyset(p => p.SortPublished, (long?)after.Value, after.Tie, descending),
            _ => Keyset(p => p.VersionCount, (int)Math.Clamp(after.Value, int.MinValue, int.MaxValue), after.Tie, descending),
        };
    }

    private static FilterDefinition<PostDoc> Keyset<T>(Expression<Func<PostDoc, T>> field, T value, string tie, bool descending) => descending
        ? F.Or(F.Lt(field, value), F.And(F.Eq(field, value), F.Lt(p => p.Id, tie)))
        : F.Or(F.Gt(field, value), F.And(F.Eq(field, value), F.Gt(p => p.Id, tie)));

    /// <summary>Gives posts written before the browse fields existed their community, author keys and sort time (once, at open).</summary>
    internal static async Task BackfillAsync(IMongoCollection<PostDoc> posts, CancellationToken ct)
    {
        using var cursor = await posts.Find(F.Exists(p => p.SortPublished, false)).ToCursorAsync(ct);
        while (await cursor.MoveNextAsync(ct))
        {
            var updates = cursor.Current.Select(doc =>
            {
                var post = CollectorJson.Deserialize<Post>(doc.Json);
                var u = Builders<PostDoc>.Update;
                return new UpdateOneModel<PostDoc>(F.Eq(p => p.Id, doc.Id), u.Combine(
                    u.Set(p => p.Community, post?.Community),
                    u.Set(p => p.AuthorKeys, post is null ? [] : AuthorKeys(post)),
                    u.Set(p => p.SortPublished, doc.PublishedAt ?? doc.FirstSeen)));
            }).ToList();
            if (updates.Count > 0)
            {
                await posts.BulkWriteAsync(updates, new BulkWriteOptions { IsOrdered = false }, ct);
            }
        }
    }
}
