using System.Globalization;

namespace Collector.Storage.Export;

/// <summary>One row of a Parquet export: the CSV columns, with times as UTC timestamps and counts as numbers.</summary>
public sealed class ParquetPostRow
{
    public string Platform { get; set; } = "";
    public string Id { get; set; } = "";
    public string? Url { get; set; }
    public string? Kind { get; set; }
    public string? AuthorId { get; set; }
    public string? AuthorHandle { get; set; }
    public string? AuthorName { get; set; }
    public string? AuthorUrl { get; set; }
    public DateTime? PublishedAt { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Language { get; set; }
    public string? Community { get; set; }
    public string? ParentId { get; set; }
    public string? RootId { get; set; }
    public string? RepostOf { get; set; }
    public string? Media { get; set; }
    public string? Links { get; set; }
    public string? Hashtags { get; set; }
    public long? Likes { get; set; }
    public long? Comments { get; set; }
    public long? Shares { get; set; }
    public long? Views { get; set; }
    public long? Score { get; set; }
    public DateTime FirstSeen { get; set; }
    public DateTime LastSeen { get; set; }
    public int VersionCount { get; set; }
    public string? TombstoneReason { get; set; }
    public DateTime? TombstoneAt { get; set; }
    public string? TombstoneCapture { get; set; }
    public bool Imported { get; set; }
    public string? Sources { get; set; }

    public static ParquetPostRow From(ArchivedPost a)
    {
        var v = ExportColumns.Values(a);
        var p = a.Post;
        return new ParquetPostRow
        {
            Platform = p.Platform, Id = p.Id, Url = p.Url, Kind = p.Kind, AuthorId = p.Author?.Id, AuthorHandle = p.Author?.Handle,
            AuthorName = p.Author?.Name, AuthorUrl = p.Author?.Url, PublishedAt = p.PublishedAt?.UtcDateTime, Title = p.Title, Text = p.Text,
            Language = p.Language, Community = p.Community, ParentId = p.ParentId, RootId = p.RootId, RepostOf = p.RepostOf,
            Media = v[16], Links = v[17], Hashtags = v[18],
            Likes = p.Metrics.Likes, Comments = p.Metrics.Comments, Shares = p.Metrics.Shares, Views = p.Metrics.Views, Score = p.Metrics.Score,
            FirstSeen = a.FirstSeen.UtcDateTime, LastSeen = a.LastSeen.UtcDateTime, VersionCount = a.VersionCount,
            TombstoneReason = a.Tombstone?.Reason, TombstoneAt = a.Tombstone?.At.UtcDateTime, TombstoneCapture = a.Tombstone?.CaptureId,
            Imported = a.Imported, Sources = a.Sources.Count == 0 ? null : string.Join(';', a.Sources),
        };
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Platform}:{Id}");
}
