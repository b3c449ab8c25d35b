using System.Globalization;
using System.Text;
using Collector.Model;

namespace Collector.Storage;

/// <summary>
/// Browsing the archive page by page (for `collector serve`): filters, full-text words, a sort, and keyset pagination
/// (each page starts after the last row of the previous one, so page 1,000 costs what page 1 costs). A backend that
/// does not implement it is browsed by the generic reader over <see cref="IArchive.QueryPostsAsync"/>.
/// </summary>
public interface IPostBrowser
{
    Task<BrowsePage> BrowseAsync(BrowseQuery query, CancellationToken cancellationToken = default);
}

public enum BrowseSort
{
    /// <summary>Most recently first seen first (the default).</summary>
    FirstSeenDesc,
    FirstSeenAsc,

    /// <summary>Newest publication first (first seen where the page gave no time).</summary>
    PublishedDesc,
    PublishedAsc,

    /// <summary>Most versions first.</summary>
    VersionsDesc,
}

public sealed record BrowseQuery
{
    /// <summary>Full-text words over the latest versions' title and text (null or blank: no text condition).</summary>
    public string? Text { get; init; }

    public IReadOnlyList<string> Platforms { get; init; } = [];
    public string? Community { get; init; }

    /// <summary>An author's handle, id or name.</summary>
    public string? Author { get; init; }

    /// <summary>Published (first seen where unknown) at or after.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Published (first seen where unknown) before.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>True: only posts with more than one version; false: only posts never edited.</summary>
    public bool? HasVersions { get; init; }

    /// <summary>True: only tombstoned posts; false: only posts still present when last seen.</summary>
    public bool? Deleted { get; init; }

    /// <summary>Only these posts (e.g. those a detection flagged); null: any.</summary>
    public IReadOnlyCollection<PostKey>? Only { get; init; }

    public BrowseSort Sort { get; init; } = BrowseSort.FirstSeenDesc;

    /// <summary>The <see cref="BrowsePage.Next"/> of the previous page; null for the first.</summary>
    public string? After { get; init; }

    public int Limit { get; init; } = 50;
}

public sealed record BrowsePage(IReadOnlyList<ArchivedPost> Posts, string? Next);

/// <summary>
/// A keyset position: the sort value of the last row shown and a tie-breaker the backend chooses (its row key),
/// written into the address as an opaque token.
/// </summary>
public readonly record struct BrowseCursor(long Value, string Tie)
{
    public static long SortValue(ArchivedPost a, BrowseSort sort) => sort switch
    {
        BrowseSort.FirstSeenDesc or BrowseSort.FirstSeenAsc => a.FirstSeen.UtcTicks,
        BrowseSort.PublishedDesc or BrowseSort.PublishedAsc => (a.Post.PublishedAt ?? a.FirstSeen).UtcTicks,
        _ => a.VersionCount,
    };

    public static bool Descending(BrowseSort sort) => sort is BrowseSort.FirstSeenDesc or BrowseSort.PublishedDesc or BrowseSort.VersionsDesc;

    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{Value}\u001f{Tie}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Null when the text is not a cursor this build wrote (a hand-edited address starts from the first page).</summary>
    public static BrowseCursor? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 1024)
        {
            return null;
        }

        try
        {
            var b64 = text.Replace('-', '+').Replace('_', '/');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '='))).Split('\u001f', 2);
            return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
                ? new BrowseCursor(v, parts[1])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
