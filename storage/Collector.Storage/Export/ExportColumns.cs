using System.Globalization;
using System.Text.Json;
using Collector.Model;

namespace Collector.Storage.Export;

/// <summary>The flat columns of CSV and Parquet exports (and what CSV import reads back).</summary>
public static class ExportColumns
{
    public static readonly string[] Names =
    [
        "platform", "id", "url", "kind", "author_id", "author_handle", "author_name", "author_url", "published_at", "title", "text",
        "language", "community", "parent_id", "root_id", "repost_of", "media", "links", "hashtags", "likes", "comments", "shares",
        "views", "score", "first_seen", "last_seen", "version_count", "tombstone_reason", "tombstone_at", "tombstone_capture",
        "imported", "sources",
    ];

    public static string?[] Values(ArchivedPost a)
    {
        var p = a.Post;
        return
        [
            p.Platform, p.Id, p.Url, p.Kind, p.Author?.Id, p.Author?.Handle, p.Author?.Name, p.Author?.Url, Time(p.PublishedAt), p.Title, p.Text,
            p.Language, p.Community, p.ParentId, p.RootId, p.RepostOf,
            p.Media.Count == 0 ? null : JsonSerializer.Serialize(p.Media, CollectorJson.Options),
            p.Links.Count == 0 ? null : JsonSerializer.Serialize(p.Links, CollectorJson.Options),
            p.Hashtags.Count == 0 ? null : JsonSerializer.Serialize(p.Hashtags, CollectorJson.Options),
            Num(p.Metrics.Likes), Num(p.Metrics.Comments), Num(p.Metrics.Shares), Num(p.Metrics.Views), Num(p.Metrics.Score),
            Time(a.FirstSeen), Time(a.LastSeen), Num(a.VersionCount), a.Tombstone?.Reason, Time(a.Tombstone?.At), a.Tombstone?.CaptureId,
            a.Imported ? "true" : "false", a.Sources.Count == 0 ? null : string.Join(';', a.Sources),
        ];
    }

    /// <summary>A post from a CSV record (header names matched loosely: author_id, authorId and AuthorId are the same).</summary>
    public static Post FromRecord(IReadOnlyDictionary<string, string> r)
    {
        string? Get(string name) => r.TryGetValue(Key(name), out var v) && v.Length > 0 ? v : null;
        var platform = Get("platform") ?? throw new FormatException("no platform");
        var id = Get("id") ?? throw new FormatException("no id");
        var author = Get("author_id") is null && Get("author_handle") is null && Get("author_name") is null && Get("author_url") is null
            ? null
            : new Author { Id = Get("author_id"), Handle = Get("author_handle"), Name = Get("author_name"), Url = Get("author_url") };
        return new Post
        {
            Platform = platform.ToLowerInvariant(),
            Id = id,
            Url = Get("url"),
            Kind = Get("kind") ?? PostKinds.Post,
            Author = author,
            PublishedAt = Get("published_at") is { } t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime() : null,
            Title = Get("title"),
            Text = Get("text"),
            Language = Get("language"),
            Community = Get("community"),
            ParentId = Get("parent_id"),
            RootId = Get("root_id"),
            RepostOf = Get("repost_of"),
            Media = Get("media") is { } m ? JsonSerializer.Deserialize<List<Media>>(m, CollectorJson.Options) ?? [] : [],
            Links = List(Get("links")),
            Hashtags = List(Get("hashtags")),
            Metrics = new Metrics
            {
                Likes = Long(Get("likes")), Comments = Long(Get("comments")), Shares = Long(Get("shares")), Views = Long(Get("views")), Score = Long(Get("score")),
            },
        };
    }

    /// <summary>Header names compared without case and underscores.</summary>
    public static string Key(string header) => header.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim().ToLowerInvariant();

    private static List<string> List(string? value) => value is null
        ? []
        : value.StartsWith('[') ? JsonSerializer.Deserialize<List<string>>(value) ?? [] : [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    private static long? Long(string? s) => s is null ? null : long.Parse(s, CultureInfo.InvariantCulture);

    private static string? Num(long? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? t) => t is null ? null : UtcDateTimeOffsetConverter.ToWire(t.Value);
}
