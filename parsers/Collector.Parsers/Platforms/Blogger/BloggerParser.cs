using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Blogger;

/// <summary>
/// Blogger/Blogspot posts and blog pages in the classic templates: <c>[itemprop=blogPost]</c> / <c>.post.hentry</c> with
/// <c>meta[itemprop=postId]</c>, <c>h3.post-title</c>, <c>div.post-body</c>, <c>abbr.published[title]</c> or <c>time</c>,
/// labels, and comments (<c>li.comment</c>, permalinks with <c>showComment=&lt;ms&gt;</c>). Custom domains are read when the
/// source names the platform.
/// </summary>
public sealed class BloggerParser : PlatformParser
{
    public override string Platform => PlatformKeys.Blogger;

    public override bool Handles(Uri url) =>
        Hosts.IsAny(url, "blogger.com", "blogspot.com") || (url.IsAbsoluteUri && url.Host.Contains(".blogspot.", StringComparison.OrdinalIgnoreCase));

    protected override ParseResult ParseCore(PageInput page)
    {
        var html = page.Body;
        var isPostPage = page.Url.AbsolutePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase);
        if (!html.Contains("post-body", StringComparison.Ordinal) && !html.Contains("blogPost", StringComparison.Ordinal)
            && !html.Contains("post hentry", StringComparison.Ordinal))
        {
            return Classify(page);
        }

        var document = HtmlPage.Parse(html);
        var meta = MetaTags.Read(html);
        var blogName = meta.Get("og:site_name") ?? document.QuerySelector("h1.title, #header h1").Text();
        var posts = new List<Post>();
        var next = new List<FollowLink>();
        foreach (var element in PostElements(document))
        {
            if (BloggerPostReader.Read(element, page.Url, meta, blogName) is { } post && posts.All(p => p.Id != post.Id))
            {
                posts.Add(post);
                if (!isPostPage && post.Url is not null && Uri.TryCreate(post.Url, UriKind.Absolute, out var permalink))
                {
                    next.Add(new FollowLink(permalink, FollowKind.Item));
                }
            }
        }

        if (posts.Count == 0)
        {
            return Classified(PageOutcome.Unrecognized, "post markup present but no post with an id and body could be read");
        }

        PostKey? subject = isPostPage && posts.Count == 1 ? posts[0].Key : null;
        var parent = posts[0];
        foreach (var comment in document.QuerySelectorAll("li.comment, .comment-thread li[id^=c], dl#comments-block dt[id^=c]"))
        {
            if (BloggerPostReader.ReadComment(comment, parent, page.Url) is { } reply && posts.All(p => p.Id != reply.Id))
            {
                posts.Add(reply);
            }
        }

        if (document.QuerySelector("a.blog-pager-older-link, #blog-pager-older-link a")?.GetAttribute("href") is { } older && Urls.Resolve(page.Url, older) is { } olderUrl)
        {
            next.Add(new FollowLink(olderUrl, isPostPage ? FollowKind.Item : FollowKind.NextPage));
        }

        return BloggerFieldPaths.Record(Found(posts, next, subject));
    }

    private static IEnumerable<IElement> PostElements(IDocument document)
    {
        var found = document.QuerySelectorAll("[itemprop=blogPost]").ToList();
        if (found.Count == 0)
        {
            found = [.. document.QuerySelectorAll(".post.hentry, div.post")];
        }

        return found.Where(e => !found.Any(o => !ReferenceEquals(o, e) && o.Contains(e)));
    }

    private ParseResult Classify(PageInput page)
    {
        var body = page.Body;
        var subject = StrippedSubject(page);
        if (body.Contains("Blog has been removed", StringComparison.OrdinalIgnoreCase) || body.Contains("blog has been deleted", StringComparison.OrdinalIgnoreCase))
        {
            return Classified(PageOutcome.Removed, "blog removed");
        }

        if (body.Contains("open to invited readers only", StringComparison.OrdinalIgnoreCase))
        {
            return Classified(PageOutcome.LoginWall, "blog open to invited readers only");
        }

        if (body.Contains("page you were looking for in this blog does not exist", StringComparison.OrdinalIgnoreCase)
            || body.Contains("Blog not found", StringComparison.OrdinalIgnoreCase))
        {
            return Classified(PageOutcome.NotFound, "Blogger says the page does not exist");
        }

        if (PageSignals.Detect(page) is { } signal)
        {
            return Classified(signal.Outcome, signal.Reason, subject);
        }

        return Classified(PageOutcome.Unrecognized, "no Blogger post markup (blogPost, post-body, post hentry)", subject);
    }

    /// <summary>
    /// The post a permalink page without Blogger's post markup stands for, so the standard layers can read it: the numeric
    /// post id of the head's comment-feed link (<c>/feeds/&lt;postId&gt;/comments/default</c>, the id the full page carries),
    /// else the permalink itself (what the JSON-LD layer keys such a page by; a later full capture keys it numerically).
    /// </summary>
    private static PostKey? StrippedSubject(PageInput page)
    {
        if (!page.Url.AbsolutePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var meta = MetaTags.Read(page.Body);
        var id = meta.Links("alternate").Select(CommentFeedPostId).FirstOrDefault(i => i is not null)
            ?? Urls.ResolveString(page.Url, meta.Get("og:url") ?? meta.Link("canonical")) ?? page.Url.GetLeftPart(UriPartial.Path);
        return new PostKey(PlatformKeys.Blogger, id);
    }

    private static string? CommentFeedPostId(string href)
    {
        const string Feeds = "/feeds/", Comments = "/comments/";
        var at = href.IndexOf(Feeds, StringComparison.Ordinal);
        var end = at < 0 ? -1 : href.IndexOf(Comments, at, StringComparison.Ordinal);
        var id = end < 0 ? null : href[(at + Feeds.Length)..end];
        return id is { Length: > 0 } && id.All(char.IsAsciiDigit) ? id : null;
    }
}
