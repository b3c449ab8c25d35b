using System.Globalization;
using System.Text.Json;
using Collector.Model;
using Collector.Model.Tables;

namespace Collector.Storage.Export;

/// <summary>The post table as CSV fields (<see cref="PostColumns"/>), and a post read back from a CSV record.</summary>
public static class PostCsvRecord
{
    /// <summary>One post's fields in column order: scalars as they are (the CSV writer formats them), lists as JSON arrays.</summary>
    public static object?[] Values(ArchivedPost a) =>
        [.. PostColumns.All.Select(c => c.Type is ColumnType.TextList or ColumnType.MediaList ? JsonSerializer.Serialize(c.Value(a), CollectorJson.Options) : c.Value(a))];

    /// <summary>A post from a CSV record (header names matched loosely: author_id, authorId and AuthorId are the same).</summary>
    public static Post FromRecord(IReadOnlyDictionary<string, string> r)
    {
        string? Get(string name) => r.TryGetValue(Key(name), out var v) && v.Length > 0 ? CsvWriter.Restore(v) : null;
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
}
