using System.Text;
using Collector.Model;

namespace Collector.Storage.Export;

/// <summary>What a column holds; how CSV and Parquet each write it follows from this.</summary>
public enum ColumnType
{
    /// <summary>UTF-8 text. Parquet: STRING.</summary>
    Text,

    /// <summary>An instant. Parquet: TIMESTAMP(MILLIS, isAdjustedToUTC=true) (see <see cref="ParquetPostWriter"/>); CSV: ISO-8601 UTC ending in Z.</summary>
    Timestamp,

    /// <summary>A count. Parquet: INT64; CSV: digits.</summary>
    Integer,

    /// <summary>Parquet: BOOLEAN; CSV: true/false.</summary>
    Boolean,

    /// <summary>Parquet: LIST of STRING; CSV: a JSON array of strings.</summary>
    TextList,

    /// <summary>Parquet: LIST of STRUCT(type, url); CSV: a JSON array of {type, url}.</summary>
    MediaList,
}

/// <summary>One column of the flat post table.</summary>
public sealed record PostColumn(string Name, ColumnType Type, bool Nullable, string Description, Func<ArchivedPost, object?> Value);

/// <summary>
/// The one definition of the flat post table that CSV and Parquet exports share (and CSV import reads back): snake_case
/// names, a type, whether the value can be missing, and what it means. The README's table is <see cref="MarkdownTable"/>.
/// JSONL is not flat: it is the nested normalized post (<see cref="PostExporter.ToJson"/>).
/// </summary>
public static class PostColumns
{
    public static readonly IReadOnlyList<PostColumn> All =
    [
        new("platform", ColumnType.Text, false, "lower-case platform key (reddit, telegram, …)", a => a.Post.Platform),
        new("id", ColumnType.Text, false, "the platform's own id; (platform, id) identifies a post", a => a.Post.Id),
        new("url", ColumnType.Text, true, "the post's page", a => a.Post.Url),
        new("kind", ColumnType.Text, false, string.Join(", ", PostKinds.All), a => a.Post.Kind),
        new("author_id", ColumnType.Text, true, "the author's platform id", a => a.Post.Author?.Id),
        new("author_handle", ColumnType.Text, true, "the author's handle", a => a.Post.Author?.Handle),
        new("author_name", ColumnType.Text, true, "the author's display name", a => a.Post.Author?.Name),
        new("author_url", ColumnType.Text, true, "the author's profile page", a => a.Post.Author?.Url),
        new("published_at", ColumnType.Timestamp, true, "publication time (UTC)", a => a.Post.PublishedAt),
        new("title", ColumnType.Text, true, "title, where the platform has one", a => a.Post.Title),
        new("text", ColumnType.Text, true, "plain text: paragraphs separated by one blank line (\\n\\n), other whitespace single spaces", a => a.Post.Text),
        new("language", ColumnType.Text, true, "ISO 639-1 code, where known", a => a.Post.Language),
        new("community", ColumnType.Text, true, "subreddit, board, channel, space or topic", a => a.Post.Community),
        new("parent_id", ColumnType.Text, true, "the post this one replies to", a => a.Post.ParentId),
        new("root_id", ColumnType.Text, true, "the thread's first post", a => a.Post.RootId),
        new("repost_of", ColumnType.Text, true, "the post this one reposts, quotes or shares", a => a.Post.RepostOf),
        new("media", ColumnType.MediaList, false, "attachments: type (image, video, audio, gif, file) and url", a => a.Post.Media),
        new("links", ColumnType.TextList, false, "outbound URLs in the text", a => a.Post.Links),
        new("hashtags", ColumnType.TextList, false, "hashtags, without #", a => a.Post.Hashtags),
        new("likes", ColumnType.Integer, true, "likes as last observed; empty where the page does not show it", a => a.Post.Metrics.Likes),
        new("comments", ColumnType.Integer, true, "comment count as last observed", a => a.Post.Metrics.Comments),
        new("shares", ColumnType.Integer, true, "shares, reposts or forwards as last observed", a => a.Post.Metrics.Shares),
        new("views", ColumnType.Integer, true, "views as last observed", a => a.Post.Metrics.Views),
        new("score", ColumnType.Integer, true, "score (votes) as last observed", a => a.Post.Metrics.Score),
        new("first_seen", ColumnType.Timestamp, false, "when the archive first saw the post (UTC)", a => a.FirstSeen),
        new("last_seen", ColumnType.Timestamp, false, "when the archive last saw the post (UTC)", a => a.LastSeen),
        new("version_count", ColumnType.Integer, false, "distinct contents seen (1 = never edited)", a => (long)a.VersionCount),
        new("tombstone_reason", ColumnType.Text, true, "removed or not-found once the post is gone", a => a.Tombstone?.Reason),
        new("tombstone_at", ColumnType.Timestamp, true, "when the post was found gone (UTC)", a => a.Tombstone?.At),
        new("tombstone_capture", ColumnType.Text, true, "the capture that proves it gone", a => a.Tombstone?.CaptureId),
        new("imported", ColumnType.Boolean, false, "true for posts from collector import", a => a.Imported),
        new("sources", ColumnType.TextList, false, "configured sources whose captures saw the post", a => a.Sources),
    ];

    public static IEnumerable<string> Names => All.Select(c => c.Name);

    /// <summary>The README's table of columns: name, CSV and Parquet types, and meaning.</summary>
    public static string MarkdownTable()
    {
        var b = new StringBuilder("| column | Parquet type | CSV | meaning |\n|---|---|---|---|\n");
        foreach (var c in All)
        {
            var (parquet, csv) = c.Type switch
            {
                ColumnType.Text => ("STRING", "text"),
                ColumnType.Timestamp => ("TIMESTAMP(MILLIS, UTC)", "ISO-8601 ending in Z"),
                ColumnType.Integer => ("INT64", "digits"),
                ColumnType.Boolean => ("BOOLEAN", "true/false"),
                ColumnType.TextList => ("LIST<STRING>", "JSON array"),
                _ => ("LIST<STRUCT<type, url>>", "JSON array of {type, url}"),
            };
            b.Append("| `").Append(c.Name).Append("` | ").Append(parquet).Append(c.Nullable ? ", nullable" : "").Append(" | ")
                .Append(csv).Append(" | ").Append(c.Description).Append(" |\n");
        }

        return b.ToString();
    }
}
