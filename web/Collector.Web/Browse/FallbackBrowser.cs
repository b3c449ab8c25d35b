using Collector.Storage;

namespace Collector.Web.Browse;

/// <summary>
/// Browsing an archive whose backend has no <see cref="IPostBrowser"/>: reads the posts through the contract's query
/// and search, filters and sorts in memory, and pages by the same keyset (sort value, then post key). Linear in the
/// archive's size per page: fine for small archives, not the 1M-post path (that is <see cref="IPostBrowser"/>).
/// </summary>
public sealed class FallbackBrowser(IArchive archive) : IPostBrowser
{
    public async Task<BrowsePage> BrowseAsync(BrowseQuery query, CancellationToken cancellationToken = default)
    {
        var source = string.IsNullOrWhiteSpace(query.Text)
            ? archive.QueryPostsAsync(new PostQuery { Platforms = query.Platforms }, cancellationToken)
            : archive.SearchAsync(query.Text, 100_000, cancellationToken);
        var desc = BrowseCursor.Descending(query.Sort);
        var after = BrowseCursor.Decode(query.After);
        var rows = new List<(long Value, string Tie, ArchivedPost Post)>();
        await foreach (var a in source)
        {
            if (Matches(query, a))
            {
                rows.Add((BrowseCursor.SortValue(a, query.Sort), a.Post.Key.ToString(), a));
            }
        }

        var ordered = desc
            ? rows.OrderByDescending(r => r.Value).ThenByDescending(r => r.Tie, StringComparer.Ordinal)
            : rows.OrderBy(r => r.Value).ThenBy(r => r.Tie, StringComparer.Ordinal);
        var page = ordered.Where(r => after is not { } c || Beyond(r.Value, r.Tie, c, desc)).Take(query.Limit + 1).ToList();
        var more = page.Count > query.Limit;
        page = page.Take(query.Limit).ToList();
        return new BrowsePage(page.Select(r => r.Post).ToList(), more ? new BrowseCursor(page[^1].Value, page[^1].Tie).Encode() : null);
    }

    private static bool Beyond(long value, string tie, BrowseCursor c, bool desc)
    {
        var cmp = value != c.Value ? value.CompareTo(c.Value) : string.CompareOrdinal(tie, c.Tie);
        return desc ? cmp < 0 : cmp > 0;
    }

    private static bool Matches(BrowseQuery q, ArchivedPost a)
    {
        var p = a.Post;
        var published = p.PublishedAt ?? a.FirstSeen;
        return (q.Platforms.Count == 0 || q.Platforms.Contains(p.Platform, StringComparer.OrdinalIgnoreCase))
            && (q.Community is null || string.Equals(p.Community, q.Community, StringComparison.Ordinal))
            && (q.Author is null || q.Author == p.Author?.Handle || q.Author == p.Author?.Id || q.Author == p.Author?.Name)
            && (q.From is not { } from || published >= from)
            && (q.To is not { } to || published < to)
            && (q.HasVersions is not { } hv || (a.VersionCount > 1) == hv)
            && (q.Deleted is not { } d || (a.Tombstone is not null) == d)
            && (q.Only is not { } only || only.Contains(p.Key));
    }
}
