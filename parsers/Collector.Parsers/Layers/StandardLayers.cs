using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Platforms.Generic;

namespace Collector.Parsers.Layers;

/// <summary>What one standard layer read for a platform page: its posts (re-keyed to the platform) and which layer it was.</summary>
public sealed record LayerRead(IReadOnlyList<Post> Posts, string Layer);

/// <summary>
/// The layers every platform shares, read with the generic readers and re-keyed to the platform: schema.org JSON-LD,
/// microdata, then OpenGraph/meta for the page's subject. A platform parser's own layers come first; these fill what
/// they left empty or, when they found nothing, stand in for them.
/// </summary>
public static class StandardLayers
{
    /// <summary>JSON-LD posts of the page, re-keyed: the one top-level post becomes <paramref name="subjectId"/> (when known).</summary>
    public static LayerRead? JsonLd(PageInput page, string platform, string? subjectId)
    {
        if (page.LooksLikeJson || !page.Body.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var ld = PageJsonLd.Of(page);
        return ld.Posts.Count == 0 ? null : new LayerRead(Rekey(ld.Posts, platform, subjectId, page.Url), ParseLayers.JsonLd);
    }

    /// <summary>schema.org microdata posts of the page (costs a DOM parse, so only when the page declares itemscope).</summary>
    public static LayerRead? Microdata(PageInput page, string platform, string? subjectId)
    {
        if (page.LooksLikeJson || !MicrodataReader.MayHave(page.Body))
        {
            return null;
        }

        var posts = MicrodataReader.Read(HtmlPage.Parse(page.Body), page.Url);
        return posts.Count == 0 ? null : new LayerRead(Rekey(posts, platform, subjectId, page.Url), ParseLayers.Microdata);
    }

    /// <summary>The page's subject from OpenGraph/Twitter-card meta: the last resort, and only for a known subject id.</summary>
    public static LayerRead? Meta(PageInput page, string platform, string? subjectId)
    {
        if (page.LooksLikeJson || subjectId is null)
        {
            return null;
        }

        var post = OpenGraphSubject.Read(MetaTags.Read(page.Body), page.Url, platform, subjectId);
        return post is null ? null : new LayerRead([post], ParseLayers.Meta);
    }

    /// <summary>
    /// Posts from a generic reader as the platform's: the single top-level post takes the subject id; replies keep their
    /// own ids and point at it.
    /// </summary>
    private static List<Post> Rekey(IReadOnlyList<Post> posts, string platform, string? subjectId, Uri page)
    {
        var tops = posts.Where(p => p.ParentId is null).ToList();
        var from = tops.Count == 1 && subjectId is not null && SameSubject(tops[0], subjectId, page) ? tops[0].Id : null;
        string? Map(string? id) => id is not null && id == from ? subjectId : id;
        return
        [
            .. posts.Select(p => p with
            {
                Platform = platform,
                Id = Map(p.Id)!,
                ParentId = Map(p.ParentId),
                RootId = Map(p.RootId),
            }),
        ];
    }

    /// <summary>
    /// Whether the structured data describes the page's subject: its id or URL names the subject, or its URL is not a page
    /// of this site (a media file). A node that names another item of the site (a canonical pointing at another pin) is not it.
    /// </summary>
    private static bool SameSubject(Post post, string subjectId, Uri page)
    {
        var last = subjectId[(subjectId.LastIndexOf('/') + 1)..];
        var bare = last.IndexOf('_', StringComparison.Ordinal) is > 0 and < 4 and var u ? last[(u + 1)..] : last; // Reddit fullnames: t3_ + the URL's id
        if (post.Id.Contains(bare, StringComparison.Ordinal) || post.Url?.Contains(bare, StringComparison.Ordinal) == true)
        {
            return true;
        }

        return post.Url is null || !Uri.TryCreate(post.Url, UriKind.Absolute, out var url) || !SameSite(url.Host, page.Host);
    }

    private static bool SameSite(string a, string b)
    {
        static string Site(string host)
        {
            var parts = host.Split('.');
            return parts.Length <= 2 ? host : string.Join('.', parts[^2..]);
        }

        return string.Equals(Site(a), Site(b), StringComparison.OrdinalIgnoreCase);
    }
}
