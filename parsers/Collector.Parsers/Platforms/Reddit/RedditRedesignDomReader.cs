using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>
/// Rendered captures of the 2018-22 redesign (no state JSON): <c>[data-testid=post-container]</c> posts and
/// <c>.Comment.t1_…</c> comments whose "level N" gives the reply structure. Times there are relative ("3 yr. ago"), so null.
/// </summary>
internal static class RedditRedesignDomReader
{
    public static ParseResult Read(RedditParser parser, PageInput page)
    {
        var document = HtmlPage.Parse(page.Body);
        var posts = new List<Post>();
        var onPostPage = RedditUrls.PostOf(page.Url);
        foreach (var container in document.QuerySelectorAll("[data-testid=post-container]"))
        {
            var id = container.Attr("id") is { } raw && RedditUrls.IsFullname(raw, "t3") ? raw : null;
            var titleLink = container.QuerySelector("a[data-click-id=body]") ?? container.QuerySelector("a[href*='/comments/']");
            id ??= titleLink?.GetAttribute("href") is { } href && Urls.Resolve(page.Url, href) is { } u ? RedditUrls.PostOf(u) : null;
            if (id is null || posts.Any(p => p.Id == id) || container.QuerySelector("[data-testid=promoted-label]") is not null)
            {
                continue;
            }

            var author = container.QuerySelector("a[data-testid=post_author_link]").Text()?.Replace("u/", string.Empty, StringComparison.Ordinal)
                ?? container.QuerySelector("a[href^='/user/']").Attr("href")?.Trim('/').Split('/')[^1];
            var body = container.QuerySelector("[data-click-id=text] .RichTextJSON-root, .RichTextJSON-root");
            var community = container.QuerySelector("a[data-click-id=subreddit]").Text()?.Replace("r/", string.Empty, StringComparison.Ordinal)
                ?? RedditUrls.SubredditOf(titleLink.Attr("href")) ?? RedditUrls.SubredditOf(page.Url.AbsolutePath);
            var permalink = titleLink.Attr("href") is { } h ? Urls.ResolveString(page.Url, h) : null;
            posts.Add(new Post
            {
                Platform = PlatformKeys.Reddit,
                Id = id,
                Url = permalink ?? (id == onPostPage ? page.Url.GetLeftPart(UriPartial.Path) : null),
                Kind = PostKinds.Post,
                Author = author is null ? null : new Author { Handle = author, Name = author, Url = RedditUrls.User(author) },
                Title = (container.QuerySelector("h1") ?? container.QuerySelector("h3")).Text(),
                Text = RedditRemoval.TextOrNull(body.BlockText()),
                Community = community,
                Links = body.Hrefs(page.Url),
                Metrics = new Metrics { Score = Counts.Parse(container.QuerySelector("[id^=vote-arrows-] div").Text()) },
            });
        }

        var rootId = onPostPage ?? posts.FirstOrDefault()?.Id;
        var levels = new List<string>();
        foreach (var comment in document.QuerySelectorAll("div.Comment"))
        {
            var id = comment.ClassList.FirstOrDefault(c => RedditUrls.IsFullname(c, "t1"));
            if (id is null || posts.Any(p => p.Id == id))
            {
                continue;
            }

            var level = int.TryParse(comment.QuerySelector("span")?.TextContent.Replace("level", string.Empty, StringComparison.Ordinal).Trim(), out var l) ? l : 1;
            while (levels.Count >= level)
            {
                levels.RemoveAt(levels.Count - 1);
            }

            var parent = levels.Count > 0 ? levels[^1] : rootId;
            levels.Add(id);
            var author = comment.QuerySelector("a[data-testid=comment_author_link]").Text()
                ?? comment.QuerySelector("a[href^='/user/']").Attr("href")?.Trim('/').Split('/')[^1];
            var body = comment.QuerySelector("[data-testid=comment]");
            posts.Add(new Post
            {
                Platform = PlatformKeys.Reddit,
                Id = id,
                Url = Urls.ResolveString(page.Url, comment.QuerySelector("a[data-testid=comment_timestamp]").Attr("href"))?.Split('?')[0],
                Kind = PostKinds.Comment,
                Author = author is null ? null : new Author { Handle = author, Name = author, Url = RedditUrls.User(author) },
                Text = RedditRemoval.TextOrNull(body.BlockText()),
                Community = RedditUrls.SubredditOf(page.Url.AbsolutePath),
                ParentId = parent,
                RootId = rootId,
                Links = body.Hrefs(page.Url),
            });
        }

        var subject = onPostPage is { } s ? new PostKey(PlatformKeys.Reddit, s) : (PostKey?)null;
        if (posts.Count == 0)
        {
            return RedditPageClassifier.Classify(parser, page);
        }

        return RedditFieldPaths.RedesignDom.Record(parser.Found(PostEnricher.EnrichAll(posts), [], subject));
    }
}
