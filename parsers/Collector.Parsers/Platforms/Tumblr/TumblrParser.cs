using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Tumblr;

/// <summary>
/// Tumblr blog pages in custom themes (&lt;blog&gt;.tumblr.com/post/ID/slug, www.tumblr.com/&lt;blog&gt;/ID): the id and blog from
/// the URL/OpenGraph, the post body from the theme's post container (<c>article</c>, <c>.post</c>), "Reblogged from" links as
/// <see cref="Post.RepostOf"/>. Themes print local times without a zone, so only <c>time[datetime]</c> is trusted.
/// </summary>
public sealed partial class TumblrParser : PlatformParser
{
    private static readonly string[] Chrome = [".datetime", ".date", ".meta", ".notes", "ol.notes", ".tags", ".post-footer", ".permalink", "script", "style", "h1", "h2", "h3", "noscript"];

    /// <summary>Where the theme reading below takes each field (for <c>parse --explain</c>).</summary>
    private static readonly Layers.FieldPaths ThemePaths = new(Layers.ParseLayers.Dom, "theme post container (article, .post)", new Dictionary<string, string>
    {
        ["url"] = "link[rel=canonical] | the page URL",
        ["author.handle"] = "the URL's blog (<blog>.tumblr.com | tumblr.com/<blog>)",
        ["author.name"] = "meta[og:site_name]",
        ["publishedAt"] = "time[datetime]",
        ["title"] = "meta[og:title] | h1-h3 / .title linking to the post",
        ["text"] = "the container without its chrome (dates, notes, tags, headings) | meta[og:description]",
        ["language"] = "<html lang> | detected from title + text",
        ["community"] = "the URL's blog",
        ["repostOf"] = "a[href*='/post/'] after \"Reblogged from\" | a.reblog-link | a.source",
        ["media"] = "img[src] on media.tumblr.com (not avatars)",
        ["links"] = "a[href] (off tumblr.com)",
        ["hashtags"] = ".tags a | a[href*='/tagged/']",
    });

    public override string Platform => PlatformKeys.Tumblr;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "tumblr.com");

    protected override ParseResult ParseCore(PageInput page)
    {
        if (page.LooksLikeJson)
        {
            using var json = JsonRead.TryParse(page.Body);
            if (json is not null && json.RootElement.Long("meta", "status") is { } status and >= 400)
            {
                return Classified(status == 404 ? PageOutcome.NotFound : status == 429 ? PageOutcome.RateLimited : PageOutcome.Unrecognized, $"Tumblr API status {status}: {json.RootElement.Str("meta", "msg")}");
            }

            var posts = json is null ? null : TumblrApiReader.Read(json.RootElement);
            return posts is null
                ? Classified(PageOutcome.Unrecognized, "JSON without response.posts[] (Tumblr API v2)")
                : TumblrApiReader.Paths.Record(Found(posts, [], posts.Count == 1 ? posts[0].Key : null).ReadBy(Layers.ParseLayers.At(Layers.ParseLayers.ApiJson, "response.posts[]")));
        }

        var meta = MetaTags.Read(page.Body);
        var canonical = Uri.TryCreate(meta.Get("og:url") ?? meta.Link("canonical"), UriKind.Absolute, out var c) ? c : null;
        var (blog, postId) = Identify(page.Url);
        if (postId is null && canonical is not null)
        {
            (blog, postId) = Identify(canonical);
        }

        var subject = postId is null ? (PostKey?)null : new PostKey(PlatformKeys.Tumblr, postId);
        if (postId is null)
        {
            return PageSignals.Detect(page) is { } s
                ? Classified(s.Outcome, s.Reason)
                : Classified(PageOutcome.Unrecognized, "not a Tumblr post page (no /post/ID in the URL or og:url)");
        }

        if (!(meta.Get("og:type")?.StartsWith("tumblr-feed", StringComparison.Ordinal) ?? false) && canonical is null)
        {
            return Classify(page, subject);
        }

        var document = HtmlPage.Parse(page.Body);
        var container = PostContainer(document);
        if (container is null)
        {
            return Classify(page, subject);
        }

        var reblogged = container.QuerySelectorAll("a[href*='/post/']")
            .FirstOrDefault(a => a.PreviousSibling?.TextContent.Contains("Reblogged from", StringComparison.OrdinalIgnoreCase) == true
                || a.ClassList.Contains("reblog-link") || a.ClassList.Contains("source"));
        var repostOf = reblogged is not null && PostPath().Match(reblogged.GetAttribute("href")!) is { Success: true } rm ? rm.Groups[2].Value : null;
        var titleElement = container.QuerySelector("h1, h2, h3, .title");
        var title = meta.Get("og:title") is { Length: > 0 } og ? og : titleElement?.QuerySelector("a[href*='/post/']") is not null ? titleElement.Text() : null;
        var body = (IElement)container.Clone(deep: true);
        foreach (var chrome in body.QuerySelectorAll(string.Join(", ", Chrome)).ToList())
        {
            chrome.Remove();
        }

        var text = body.BlockText() ?? TextNormalizer.Normalize(meta.Get("og:description"));
        var images = container.QuerySelectorAll("img[src]").Select(i => i.GetAttribute("src")!)
            .Where(s => s.Contains("media.tumblr.com", StringComparison.Ordinal) && !s.Contains("avatar_", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Select(s => new Media { Type = "image", Url = s }).ToList();
        var links = body.Hrefs(page.Url).Where(h => !Hosts.IsAny(new Uri(h), "tumblr.com")).ToList();
        var post = PostEnricher.Enrich(
            new Post
            {
                Platform = PlatformKeys.Tumblr,
                Id = postId,
                Url = canonical?.AbsoluteUri ?? page.Url.AbsoluteUri,
                Author = blog is null ? null : new Author { Handle = blog, Name = meta.Get("og:site_name"), Url = $"https://{blog}.tumblr.com/" },
                PublishedAt = Times.Parse(container.QuerySelector("time[datetime]")?.GetAttribute("datetime")),
                Title = title,
                Text = text,
                Community = blog,
                RepostOf = repostOf != postId ? repostOf : null,
                Media = images,
                Links = links,
                Hashtags = container.QuerySelectorAll(".tags a, a[href*='/tagged/']").Select(a => a.Text()?.TrimStart('#')).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            },
            meta.DeclaredLanguage);

        var next = new List<FollowLink>();
        foreach (var a in document.QuerySelectorAll("a#older, a[rel=next], a.next, a[title='Older Posts']"))
        {
            if (Urls.Resolve(page.Url, a.GetAttribute("href")) is { } older)
            {
                next.Add(new FollowLink(older, FollowKind.NextPage));
            }
        }

        return ThemePaths.Record(Found([post], next, subject).ReadBy(Layers.ParseLayers.At(Layers.ParseLayers.Dom, "theme post container (article, .post)")));
    }

    /// <summary>The theme's element around the post: the first article/.post holding more than the notes list.</summary>
    private static IElement? PostContainer(IDocument document)
    {
        foreach (var candidate in document.QuerySelectorAll("article, div.post, li.post, div[id^=post-], div.entry"))
        {
            if (candidate.QuerySelector("ol.notes") is null || candidate.QuerySelector("p, img, blockquote") is not null
                && candidate.QuerySelector("ol.notes")!.Contains(candidate.QuerySelector("p, img, blockquote")!) is false)
            {
                return candidate;
            }
        }

        return null;
    }

    private ParseResult Classify(PageInput page, PostKey? subject)
    {
        if (page.Body.Contains("There's nothing here", StringComparison.OrdinalIgnoreCase) || page.Body.Contains("Not found.", StringComparison.Ordinal))
        {
            return Classified(PageOutcome.NotFound, "Tumblr says there's nothing here", subject);
        }

        if (page.Body.Contains("This tumblr has been terminated", StringComparison.OrdinalIgnoreCase) || page.Body.Contains("has been suspended", StringComparison.OrdinalIgnoreCase))
        {
            return Classified(PageOutcome.Removed, "blog terminated", subject);
        }

        if (PageSignals.Detect(page) is { } signal)
        {
            return Classified(signal.Outcome, signal.Reason, subject);
        }

        return Classified(PageOutcome.Unrecognized, "no post container (article, .post) on a Tumblr post page", subject);
    }

    /// <summary>(blog, id) from blog.tumblr.com/post/ID/… or www.tumblr.com/blog/ID or tumblr.com/blog/view/blog/ID.</summary>
    private static (string? Blog, string? Id) Identify(Uri url)
    {
        var m = PostPath().Match(url.AbsolutePath);
        var host = url.Host.ToLowerInvariant();
        var sub = host.EndsWith(".tumblr.com", StringComparison.Ordinal) && host is not "www.tumblr.com" ? host[..^".tumblr.com".Length] : null;
        if (m.Success && sub is not null)
        {
            return (sub, m.Groups[2].Value);
        }

        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (host is "www.tumblr.com" or "tumblr.com" && segments.Length >= 2 && segments[1].All(char.IsAsciiDigit))
        {
            return (segments[0], segments[1]);
        }

        return (sub, m.Success ? m.Groups[2].Value : null);
    }

    [GeneratedRegex(@"(^|/)post/(\d{5,20})", RegexOptions.CultureInvariant)]
    private static partial Regex PostPath();
}
