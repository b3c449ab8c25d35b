using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Medium;

/// <summary>Medium pages without Apollo state: JSON-LD (NewsArticle/Article), then OpenGraph/article meta with the &lt;article&gt; text.</summary>
internal static class MediumMarkupReader
{
    /// <summary>The article and the layer it came from (JSON-LD, else the &lt;article&gt; DOM, else OpenGraph meta alone).</summary>
    public static (Post Post, string Layer)? Read(string html, Uri url, MetaTags meta, string? postId)
    {
        JsonElement? ld = null;
        JsonDocument? holder = null;
        foreach (var block in ScriptTags.JsonLd(html))
        {
            holder = JsonRead.TryParse(block);
            if (holder?.RootElement.Str("@type") is "NewsArticle" or "Article" or "BlogPosting" or "SocialMediaPosting")
            {
                ld = holder.RootElement;
                break;
            }

            holder?.Dispose();
            holder = null;
        }

        using (holder)
        {
            if (ld is null && !html.Contains("og:title", StringComparison.Ordinal))
            {
                return null; // nothing to anchor an article on: do not pay for a full DOM
            }

            var document = HtmlPage.Parse(html);
            string? Meta(string key) => meta.Get(key) ?? MetaValue(document, key);
            var id = ld?.Str("identifier") ?? postId;
            var title = Meta("og:title") ?? ld?.Str("headline");
            if (id is null || title is null || (Meta("og:type") is { } type && type != "article"))
            {
                return null;
            }

            var article = document.QuerySelector("article");
            var paragraphs = article?.QuerySelectorAll("p, h1, h2, h3, h4, blockquote, pre, li")
                .Where(e => !e.ClassList.Contains("pw-published-date"))
                .Select(e => TextNormalizer.Normalize(e.TextContent)).OfType<string>().Where(t => t != title).ToList() ?? [];
            var text = paragraphs.Count > 0 ? string.Join("\n\n", paragraphs) : TextNormalizer.Normalize(Meta("og:description"));
            var authorUrl = Meta("article:author") ?? ld?.Str("author", "url");
            var handle = authorUrl is not null && authorUrl.Contains("/@", StringComparison.Ordinal) ? authorUrl[(authorUrl.IndexOf("/@", StringComparison.Ordinal) + 2)..] : Meta("twitter:creator")?.TrimStart('@');
            var lang = article?.GetAttribute("lang") ?? meta.DeclaredLanguage;
            var layer = ld is not null ? ParseLayers.At(ParseLayers.JsonLd, "NewsArticle / Article")
                : paragraphs.Count > 0 ? ParseLayers.At(ParseLayers.Dom, "article p, h1-h4, blockquote, pre, li") : ParseLayers.At(ParseLayers.Meta, "og:title, og:description");
            var post = PostEnricher.Enrich(
                new Post
                {
                    Platform = PlatformKeys.Medium,
                    Id = id,
                    Url = Meta("og:url") ?? meta.Link("canonical") ?? url.AbsoluteUri,
                    Kind = PostKinds.Article,
                    Author = new Author { Handle = handle, Name = Meta("author") ?? ld?.Str("author", "name"), Url = authorUrl },
                    PublishedAt = Times.Parse(ld?.Str("datePublished")) ?? FirstPublished(Times.Parse(Meta("article:published_time")), document.QuerySelector(".pw-published-date").Text()),
                    Title = TextNormalizer.OneLine(title),
                    Text = text,
                    Links = article.Hrefs(url).Where(h => !Hosts.IsAny(new Uri(h), "medium.com")).ToList(),
                },
                lang);
            return (post, layer);
        }
    }

    /// <summary>
    /// article:published_time can be a later re-publish; the byline's date (".pw-published-date", a day only) is the first
    /// publication. The byline day wins when it is earlier.
    /// </summary>
    private static DateTimeOffset? FirstPublished(DateTimeOffset? meta, string? byline)
    {
        var day = byline is not null
            && DateTimeOffset.TryParseExact(byline, ["MMM d, yyyy", "MMMM d, yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : (DateTimeOffset?)null;
        return day is { } first && (meta is null || first.UtcDateTime.Date < meta.Value.UtcDateTime.Date) ? first : meta;
    }

    /// <summary>Medium's react-helmet meta tags carry the value in <c>value=</c> rather than <c>content=</c>.</summary>
    private static string? MetaValue(AngleSharp.Dom.IDocument document, string key)
    {
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var name = element.GetAttribute("property") ?? element.GetAttribute("name");
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return element.Attr("content") ?? element.Attr("value");
            }
        }

        return null;
    }
}
