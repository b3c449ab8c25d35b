using System.Net;
using System.Text.RegularExpressions;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Instagram;

/// <summary>
/// Instagram pages without state JSON: the 2022 logged-out post page (caption only in the description meta, the media id
/// in al:ios:url), the 2011 instagr.am photo page (static markup: <c>p.username</c>, <c>div.caption</c>, "Likes · N"), and
/// the 2022 profile shell (only <c>&lt;title&gt;</c> and <c>profile_id</c>).
/// </summary>
internal static partial class InstagramPageReader
{
    /// <summary>'Retro Bay Area shared a post on Instagram: "caption". Follow their account to see 182 posts.'</summary>
    public static Post? SharedPostMeta(string shortcode, MetaTags meta)
    {
        var description = Decode(meta.Get("description") ?? meta.Get("og:description"));
        var match = description is null ? null : SharedPost().Match(description);
        if (match is not { Success: true })
        {
            return null;
        }

        var byline = Decode(meta.Get("twitter:title")) is { } t ? Byline().Match(t) : null;
        var handle = byline is { Success: true } ? byline.Groups["handle"].Value : null;
        var image = meta.Get("og:image");
        return PostEnricher.Enrich(new Post
        {
            Platform = PlatformKeys.Instagram,
            Id = shortcode,
            Url = $"https://www.instagram.com/p/{shortcode}/",
            Author = new Author { Handle = handle, Name = match.Groups["name"].Value, Url = handle is null ? null : $"https://www.instagram.com/{handle}/" },
            PublishedAt = InstagramParser.FromMediaId(InstagramParser.MediaIdOf(meta)),
            Text = TextNormalizer.Normalize(match.Groups["text"].Value),
            Media = image is null ? [] : [new Media { Type = "image", Url = WebUtility.HtmlDecode(image) }],
        });
    }

    /// <summary>The 2011 instagr.am photo page: static markup, no time anywhere.</summary>
    public static Post? LegacyPhotoPage(string shortcode, string html, MetaTags meta)
    {
        var user = LegacyUsername().Match(html);
        if (!user.Success)
        {
            return null;
        }

        var handle = WebUtility.HtmlDecode(user.Groups[1].Value).Trim();
        var caption = LegacyCaption().Match(html) is { Success: true } c
            ? TextNormalizer.Normalize(WebUtility.HtmlDecode(c.Groups[1].Value).Trim().Trim('\u201C', '\u201D', '"').Trim())
            : null;
        var likes = LegacyLikes().Match(html) is { Success: true } l ? Counts.Parse(l.Groups[1].Value) : null;
        var image = meta.Get("og:image");
        return PostEnricher.Enrich(new Post
        {
            Platform = PlatformKeys.Instagram,
            Id = shortcode,
            Url = $"https://www.instagram.com/p/{shortcode}/",
            Author = new Author { Handle = handle, Url = $"https://www.instagram.com/{handle}/" },
            Text = caption,
            Media = image is null ? [] : [new Media { Type = "image", Url = image }],
            Metrics = new Metrics { Likes = likes },
        });
    }

    /// <summary>A profile page whose only data is its title ("Megadeth (@megadeth) • Instagram photos and videos") and profile_id.</summary>
    public static Post? ProfileTitle(Uri url, string html, MetaTags meta)
    {
        var title = meta.Title ?? string.Empty;
        var byline = Byline().Match(title);
        if (!byline.Success || !title.Contains("Instagram", StringComparison.Ordinal))
        {
            return null;
        }

        var handle = byline.Groups["handle"].Value;
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 0 && !string.Equals(segments[0], handle, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var id = ProfileId().Match(html) is { Success: true } p ? p.Groups[1].Value : null;
        var author = new Author { Id = id, Handle = handle, Name = byline.Groups["name"].Value.Trim(), Url = $"https://www.instagram.com/{handle}/" };
        return InstagramMedia.Profile(handle, author);
    }

    private static string? Decode(string? text) => text is null ? null : WebUtility.HtmlDecode(text);

    [GeneratedRegex("""^(?<name>.+?) shared a post on Instagram: "(?<text>.*)"\. Follow their account to see""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SharedPost();

    [GeneratedRegex(@"^(?<name>[^()]+?) \(@(?<handle>[\w.]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex("""<p class="username">([^<]{1,100})</p>""", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyUsername();

    [GeneratedRegex("""<div class="caption">([^<]{0,5000})</div>""", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyCaption();

    [GeneratedRegex(@"Likes &middot; ([\d,]+)", RegexOptions.CultureInvariant)]
    private static partial Regex LegacyLikes();

    [GeneratedRegex("""["']profile_id["']\s*:\s*["'](\d+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex ProfileId();
}
