using System.Globalization;
using System.Text;
using Collector.Model;

namespace Collector.Parsers.Layers;

/// <summary>
/// The drift guard's report (<c>collector parse --explain</c>): per post, the layer that read it and, per field it has, where
/// that value came from (the post's layer with its state path or selector, or the later layer that filled it in); then the
/// layers tried and the page's classification. What a researcher whose page broke sends with the page.
/// </summary>
public static class ParseExplanation
{
    public static string Write(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        Line(text, $"classification: {result.Classification.ToWire()}{(result.Reason is null ? "" : $" ({result.Reason})")}");
        if (result.LayersTried.Count > 0)
        {
            Line(text, $"layers tried: {string.Join(", ", result.LayersTried)}");
        }

        if (result.ParseError is not null)
        {
            Line(text, $"PARSER CRASHED: {result.ParseError}");
        }

        foreach (var post in result.Posts)
        {
            var layer = result.ParsedBy.GetValueOrDefault(post.Id) ?? ParseLayers.Platform;
            var filled = result.FieldSources.GetValueOrDefault(post.Id);
            Line(text, $"{post.Key} ({post.Kind}) read from {layer}");
            foreach (var (field, value) in Fields(post))
            {
                var from = filled?.GetValueOrDefault(field) ?? FilledParent(filled, field) ?? layer;
                Line(text, $"  {field,-16} {Shorten(value),-50} <- {from}");
            }
        }

        foreach (var stub in result.Stubs)
        {
            Line(text, $"{stub} listed only (id-only stub, {ParseLayers.Stub})");
        }

        return text.ToString();
    }

    /// <summary>The fields a post has a value for, by their wire names.</summary>
    public static IEnumerable<(string Field, string Value)> Fields(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        var fields = new List<(string, string?)>
        {
            ("url", post.Url),
            ("author.id", post.Author?.Id),
            ("author.handle", post.Author?.Handle),
            ("author.name", post.Author?.Name),
            ("publishedAt", post.PublishedAt is { } t ? UtcDateTimeOffsetConverter.ToWire(t) : null),
            ("title", post.Title),
            ("text", post.Text),
            ("language", post.Language),
            ("community", post.Community),
            ("parentId", post.ParentId),
            ("rootId", post.RootId),
            ("repostOf", post.RepostOf),
            ("metrics.likes", Number(post.Metrics.Likes)),
            ("metrics.comments", Number(post.Metrics.Comments)),
            ("metrics.shares", Number(post.Metrics.Shares)),
            ("metrics.views", Number(post.Metrics.Views)),
            ("metrics.score", Number(post.Metrics.Score)),
            ("media", post.Media.Count == 0 ? null : post.Media.Count.ToString(CultureInfo.InvariantCulture)),
            ("links", post.Links.Count == 0 ? null : post.Links.Count.ToString(CultureInfo.InvariantCulture)),
            ("hashtags", post.Hashtags.Count == 0 ? null : string.Join(' ', post.Hashtags)),
        };
        return fields.Where(f => f.Item2 is not null).Select(f => (f.Item1, f.Item2!));
    }

    /// <summary>The wire names of the fields a post has a value for (as <see cref="Fields"/>, without formatting the values).</summary>
    public static IEnumerable<string> FieldNames(Post post)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (post.Url is not null) yield return "url";
        if (post.Author?.Id is not null) yield return "author.id";
        if (post.Author?.Handle is not null) yield return "author.handle";
        if (post.Author?.Name is not null) yield return "author.name";
        if (post.PublishedAt is not null) yield return "publishedAt";
        if (post.Title is not null) yield return "title";
        if (post.Text is not null) yield return "text";
        if (post.Language is not null) yield return "language";
        if (post.Community is not null) yield return "community";
        if (post.ParentId is not null) yield return "parentId";
        if (post.RootId is not null) yield return "rootId";
        if (post.RepostOf is not null) yield return "repostOf";
        if (post.Metrics.Likes is not null) yield return "metrics.likes";
        if (post.Metrics.Comments is not null) yield return "metrics.comments";
        if (post.Metrics.Shares is not null) yield return "metrics.shares";
        if (post.Metrics.Views is not null) yield return "metrics.views";
        if (post.Metrics.Score is not null) yield return "metrics.score";
        if (post.Media.Count > 0) yield return "media";
        if (post.Links.Count > 0) yield return "links";
        if (post.Hashtags.Count > 0) yield return "hashtags";
    }

    private static string? FilledParent(IReadOnlyDictionary<string, string>? filled, string field) =>
        filled is not null && field.StartsWith("author.", StringComparison.Ordinal) ? filled.GetValueOrDefault("author") : null;

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string value)
    {
        var line = value.ReplaceLineEndings(" ");
        return line.Length <= 50 ? line : line[..47] + "...";
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
