using System.Net;
using System.Text.RegularExpressions;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Layers;

/// <summary>
/// A page's subject post from its OpenGraph/Twitter-card meta: text from the description, the author from a
/// "Name (@handle)" title, the time from article:published_time, images and videos. What a link-preview bot sees.
/// </summary>
public static partial class OpenGraphSubject
{
    public static Post? Read(MetaTags meta, Uri page, string platform, string id)
    {
        ArgumentNullException.ThrowIfNull(meta);
        var text = Decode(meta.Get("og:description") ?? meta.Get("twitter:description") ?? meta.Get("description"));
        var title = Decode(meta.Get("og:title") ?? meta.Get("twitter:title"));
        var byline = title is null ? null : Byline().Match(title);
        var author = byline is { Success: true }
            ? new Author { Name = byline.Groups["name"].Value.Trim(), Handle = byline.Groups["handle"].Value }
            : Decode(meta.Get("article:author") ?? meta.Get("author")) is { } name && !name.StartsWith("http", StringComparison.Ordinal) ? new Author { Name = name } : null;
        var media = new List<Media>();
        media.AddRange(meta.GetAll("og:video").Concat(meta.GetAll("og:video:url")).Distinct(StringComparer.Ordinal).Select(u => new Media { Type = "video", Url = WebUtility.HtmlDecode(u) }));
        if (media.Count == 0)
        {
            media.AddRange(meta.GetAll("og:image").Distinct(StringComparer.Ordinal).Take(4).Select(u => new Media { Type = "image", Url = WebUtility.HtmlDecode(u) }));
        }

        if (text is null && author is null && media.Count == 0)
        {
            return null;
        }

        var isArticle = meta.Get("og:type") is "article" && byline is not { Success: true };
        return PostEnricher.Enrich(new Post
        {
            Platform = platform,
            Id = id,
            Url = Urls.ResolveString(page, meta.Get("og:url") ?? meta.Link("canonical")) ?? page.AbsoluteUri,
            Kind = media.Any(m => m.Type == "video") ? PostKinds.Video : PostKinds.Post,
            Author = author,
            PublishedAt = Times.Parse(meta.Get("article:published_time") ?? meta.Get("og:published_time")),
            Title = isArticle ? title : null,
            Text = text,
            Media = media,
        }, meta.DeclaredLanguage);
    }

    private static string? Decode(string? text) => TextNormalizer.Normalize(text is null ? null : WebUtility.HtmlDecode(text));

    /// <summary>"The Verge (@verge) on X", "Retro Bay Area (@retrobayarea) • Instagram photos and videos".</summary>
    [GeneratedRegex(@"^(?<name>[^()]+?) \(@(?<handle>[\w.\-]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();
}
