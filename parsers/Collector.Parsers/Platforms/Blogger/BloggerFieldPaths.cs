using Collector.Model;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Blogger;

/// <summary>Where <see cref="BloggerPostReader"/> takes each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class BloggerFieldPaths
{
    /// <summary>A post element of any Blogger template (.post, .post-outer, .hentry, [itemprop=blogPost]).</summary>
    public static FieldPaths Post { get; } = new(ParseLayers.Dom, "Blogger post element (.post, .hentry, [itemprop=blogPost])", new Dictionary<string, string>
    {
        ["url"] = ".post-title a[href] | a.timestamp-link[href] | meta[og:url]",
        ["author.id"] = "[itemprop=author] meta[itemprop=url] | .post-author a.g-profile[href] (/profile/<id>)",
        ["author.name"] = ".post-author .fn | [itemprop=author] [itemprop=name] | .post-author a | .g-profile",
        ["publishedAt"] = "abbr.published[title] | abbr[itemprop=datePublished][title] | time.published[datetime] | time[datetime]",
        ["title"] = ".post-title | .entry-title | [itemprop=name]",
        ["text"] = ".post-body | .entry-content | [itemprop=articleBody]",
        ["language"] = "<html lang> | detected from title + text",
        ["community"] = "meta[og:site_name] | h1.title | #header h1",
        ["media"] = ".post-body img[src]",
        ["links"] = ".post-body a[href] (not Blogger's image hosts)",
        ["hashtags"] = ".post-labels a",
        ["metrics.comments"] = ".comment-link | .post-comment-link a",
    });

    public static FieldPaths Comment { get; } = new(ParseLayers.Dom, "li.comment[id=c…] | dl#comments-block dt[id=c…]", new Dictionary<string, string>
    {
        ["url"] = "a[href*=showComment]",
        ["author.name"] = "cite.user | .comment-author | .user a | cite",
        ["publishedAt"] = "a[href*=showComment]'s showComment=<ms>",
        ["text"] = ".comment-content | p.comment-body | .comment-body | the next dd (classic)",
        ["parentId"] = "the enclosing li.comment | the page's post",
        ["rootId"] = "the page's post",
    });

    public static ParseResult Record(ParseResult result) =>
        Post.Record(Comment.Record(result, p => p.Kind == PostKinds.Comment), p => p.Kind != PostKinds.Comment);
}
