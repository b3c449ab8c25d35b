using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Layers;

/// <summary>
/// An oEmbed response (<c>{type, title, author_name, author_url, html, provider_name}</c>) as a post of the platform:
/// the caption from <c>title</c> or the embed's first paragraph, the author from <c>author_url</c>'s last segment. The
/// platform says which id the embed stands for (<paramref name="id"/>); oEmbed carries no time.
/// </summary>
public static class OEmbed
{
    public static bool Is(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.Str("author_name") is not null && (root.Str("html") is not null || root.Str("type") is not null);

    public static Post? Read(JsonElement root, string platform, string? id, string? url = null)
    {
        if (id is null || !Is(root))
        {
            return null;
        }

        var authorUrl = root.Str("author_url");
        var handle = authorUrl is not null && Uri.TryCreate(authorUrl, UriKind.Absolute, out var a)
            ? a.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.TrimStart('@')
            : null;
        var text = TextNormalizer.Normalize(root.Str("title")) ?? FirstParagraph(root.Str("html"));
        var thumbnail = root.Str("thumbnail_url");
        return PostEnricher.Enrich(new Post
        {
            Platform = platform,
            Id = id,
            Url = url,
            Kind = root.Str("type") == "video" ? PostKinds.Video : PostKinds.Post,
            Author = new Author { Handle = handle, Name = TextNormalizer.OneLine(root.Str("author_name")), Url = authorUrl },
            Text = text,
            Media = thumbnail is null ? [] : [new Media { Type = "image", Url = thumbnail }],
        });
    }

    /// <summary>The text of the embed's first &lt;p&gt; (a tweet's text in X's blockquote).</summary>
    private static string? FirstParagraph(string? html)
    {
        if (html is null)
        {
            return null;
        }

        var open = html.IndexOf("<p", StringComparison.OrdinalIgnoreCase);
        var start = open < 0 ? -1 : html.IndexOf('>', open);
        var end = start < 0 ? -1 : html.IndexOf("</p>", start, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? null : HtmlText.ToPlainText(html[(start + 1)..end]);
    }
}
