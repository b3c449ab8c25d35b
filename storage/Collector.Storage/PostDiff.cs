using System.Globalization;
using Collector.Model;

namespace Collector.Storage;

/// <summary>What changed between two versions of a post (metrics are never a change: they are a time series).</summary>
public static class PostDiff
{
    public static IReadOnlyList<FieldChange> Compare(Post before, Post after)
    {
        var changes = new List<FieldChange>();
        Add(changes, "title", before.Title, after.Title);
        Add(changes, "text", before.Text, after.Text);
        Add(changes, "author.id", before.Author?.Id, after.Author?.Id);
        Add(changes, "author.handle", before.Author?.Handle, after.Author?.Handle);
        Add(changes, "author.name", before.Author?.Name, after.Author?.Name);
        Add(changes, "author.url", before.Author?.Url, after.Author?.Url);
        Add(changes, "media", Join(before.Media.Select(m => m.Type + " " + m.Url)), Join(after.Media.Select(m => m.Type + " " + m.Url)));
        Add(changes, "links", Join(before.Links), Join(after.Links));
        Add(changes, "parentId", before.ParentId, after.ParentId);
        Add(changes, "repostOf", before.RepostOf, after.RepostOf);
        Add(changes, "url", before.Url, after.Url);
        Add(changes, "kind", before.Kind, after.Kind);
        Add(changes, "publishedAt", Time(before.PublishedAt), Time(after.PublishedAt));
        Add(changes, "language", before.Language, after.Language);
        Add(changes, "community", before.Community, after.Community);
        Add(changes, "hashtags", Join(before.Hashtags), Join(after.Hashtags));
        return changes;
    }

    private static void Add(List<FieldChange> changes, string field, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(field, before, after));
        }
    }

    private static string? Join(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : string.Join('\n', list);
    }

    private static string? Time(DateTimeOffset? t) =>
        t is null ? null : UtcDateTimeOffsetConverter.ToWire(t.Value).ToString(CultureInfo.InvariantCulture);
}
