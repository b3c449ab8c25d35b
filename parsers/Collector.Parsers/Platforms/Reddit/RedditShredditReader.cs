using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>
/// New Reddit ("shreddit"): <c>shreddit-post</c> and <c>shreddit-comment</c> attributes, post bodies in
/// <c>#t3_…-post-rtjson-content</c>, search rows (<c>search-post-unit</c>), the feed cursor and the comments partial.
/// </summary>
internal static class RedditShredditReader
{
    public static ParseResult Read(RedditParser parser, PageInput page)
    {
        var document = HtmlPage.Parse(page.Body);
        var posts = new List<Post>();
        var next = new List<FollowLink>();
        var onPostPage = RedditUrls.PostOf(page.Url);

        foreach (var element in document.QuerySelectorAll("shreddit-post"))
        {
            if (element.HasAttribute("is-ad") || element.Attr("id") is not { } id || !id.StartsWith("t3_", StringComparison.Ordinal))
            {
                continue;
            }

            var post = Post(element, id, page.Url);
            posts.Add(post);
            if (onPostPage is null && post.Url is { } url)
            {
                next.Add(new FollowLink(new Uri(url), FollowKind.Item));
            }
        }

        foreach (var row in document.QuerySelectorAll("[data-testid=search-post-unit]"))
        {
            if (SearchRow(row, page.Url) is { } post && posts.All(p => p.Id != post.Id))
            {
                posts.Add(post);
                next.Add(new FollowLink(new Uri(post.Url!), FollowKind.Item));
            }
        }

        var rootId = onPostPage ?? posts.FirstOrDefault()?.Id;
        foreach (var element in document.QuerySelectorAll("shreddit-comment"))
        {
            if (Comment(element, rootId, page.Url) is { } comment)
            {
                posts.Add(comment);
            }
        }

        AddNextLinks(document, page, posts, next);
        var subject = onPostPage is { } s ? new PostKey(PlatformKeys.Reddit, s) : (PostKey?)null;
        if (posts.Count == 0)
        {
            return PageSignals.Detect(page) is { } signal
                ? parser.Classified(signal.Outcome, signal.Reason, subject)
                : parser.Found([], next, subject, "shreddit page without posts");
        }

        // <html lang> is the interface language ("en-US" everywhere); shreddit's post-language is the declared one.
        var enriched = PostEnricher.EnrichAll(posts);
        if (subject is { } key && enriched.FirstOrDefault(p => p.Key == key) is { } main && main.Author is null
            && document.QuerySelector($"shreddit-post[id={key.Id}]") is { } el && (el.HasAttribute("is-deleted") || el.HasAttribute("is-removed") || el.Attr("removed-by") is not null))
        {
            return Explained(new ParseResult { Classification = PageOutcome.Removed, Reason = "post deleted/removed", Posts = enriched, Next = next, Subject = key, Platform = parser.Platform });
        }

        return Explained(parser.Found(enriched, next, subject));
    }

    private static ParseResult Explained(ParseResult result)
    {
        result = RedditFieldPaths.ShredditComment.Record(result, p => p.Kind == PostKinds.Comment);
        return RedditFieldPaths.Shreddit.Record(result, p => p.Kind != PostKinds.Comment);
    }

    private static Post Post(IElement element, string id, Uri page)
    {
        var author = element.Attr("author");
        var bodyElement = element.Owner?.GetElementById($"{id}-post-rtjson-content") ?? element.QuerySelector("[slot=text-body]");
        var contentHref = element.Attr("content-href");
        var permalink = RedditUrls.Permalink(element.Attr("permalink"));
        var isLink = element.Attr("post-type") is "link" && contentHref is not null && !contentHref.Contains("reddit.com", StringComparison.Ordinal);
        var isImage = contentHref is not null && (contentHref.Contains("i.redd.it", StringComparison.Ordinal) || element.Attr("post-type") is "image" or "gallery");
        var text = RedditRemoval.TextOrNull(bodyElement.BlockText());
        return new Post
        {
            Platform = PlatformKeys.Reddit,
            Id = id,
            Url = permalink,
            Kind = PostKinds.Post,
            Author = author is null or "[deleted]" ? null : new Author { Id = element.Attr("author-id"), Handle = author, Name = author, Url = RedditUrls.User(author) },
            PublishedAt = Times.Parse(element.Attr("created-timestamp")),
            Title = TextNormalizer.OneLine(element.Attr("post-title")),
            Text = text,
            Language = LanguageDetection.Normalize(element.Attr("post-language")),
            Community = element.Attr("subreddit-name") ?? element.Attr("subreddit-prefixed-name")?.Replace("r/", string.Empty, StringComparison.Ordinal),
            Links = TextExtraction.Merge(isLink ? [contentHref!] : [], bodyElement.Hrefs(page).Where(u => !u.Contains("reddit.com", StringComparison.Ordinal))),
            Media = isImage && contentHref is not null ? [new Media { Type = "image", Url = contentHref }] : [],
            Metrics = new Metrics { Score = Counts.Parse(element.Attr("score")), Comments = Counts.Parse(element.Attr("comment-count")) },
        };
    }

    private static Post? Comment(IElement element, string? rootId, Uri page)
    {
        var id = element.Attr("thingid") ?? element.Attr("thing-id");
        if (id is null)
        {
            return null;
        }

        var author = element.Attr("author");
        var body = element.Owner?.GetElementById($"{id}-comment-rtjson-content")
            ?? element.Children.FirstOrDefault(c => c.GetAttribute("slot") == "comment");
        var postId = element.Attr("postid") ?? element.Attr("post-id") ?? rootId;
        return new Post
        {
            Platform = PlatformKeys.Reddit,
            Id = id,
            Url = RedditUrls.Permalink(element.Attr("permalink")),
            Kind = PostKinds.Comment,
            Author = author is null or "[deleted]" || element.HasAttribute("is-author-deleted")
                ? null
                : new Author { Id = element.Attr("author-id"), Handle = author, Name = author, Url = RedditUrls.User(author) },
            PublishedAt = Times.Parse(element.Attr("created")) ?? Times.Parse(element.QuerySelector("faceplate-timeago").Attr("ts")),
            Text = RedditRemoval.TextOrNull(body.BlockText()),
            ParentId = element.Attr("parentid") ?? element.Attr("parent-id") ?? ParentFromNesting(element) ?? postId,
            RootId = postId,
            Links = body.Hrefs(page),
            Metrics = new Metrics { Score = Counts.Parse(element.Attr("score")) },
        };
    }

    private static string? ParentFromNesting(IElement element)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.LocalName == "shreddit-comment")
            {
                return e.Attr("thingid") ?? e.Attr("thing-id");
            }
        }

        return null;
    }

    private static Post? SearchRow(IElement row, Uri page)
    {
        var titleLink = row.QuerySelector("[data-testid=post-title], a[href*='/comments/']");
        var href = Urls.Resolve(page, titleLink.Attr("href"));
        var id = href is null ? null : RedditUrls.PostOf(href);
        if (id is null)
        {
            return null;
        }

        var numbers = row.QuerySelectorAll("faceplate-number[number]").Select(n => Counts.Parse(n.GetAttribute("number"))).ToList();
        var authorLink = row.QuerySelector("a[href*='/user/']");
        var author = authorLink?.GetAttribute("href")?.TrimEnd('/').Split('/')[^1];
        return new Post
        {
            Platform = PlatformKeys.Reddit,
            Id = id,
            Url = href!.GetLeftPart(UriPartial.Path),
            Kind = PostKinds.Post,
            Author = author is null ? null : new Author { Handle = author, Name = author, Url = RedditUrls.User(author) },
            PublishedAt = Times.Parse(row.QuerySelector("faceplate-timeago").Attr("ts")),
            Title = TextNormalizer.OneLine(titleLink.Attr("aria-label") ?? titleLink.Text()),
            Community = RedditUrls.SubredditOf(href.AbsolutePath),
            Metrics = numbers.Count == 0 ? Metrics.Unknown : new Metrics { Score = numbers[0], Comments = numbers.Count > 1 ? numbers[1] : null },
        };
    }

    private static void AddNextLinks(IDocument document, PageInput page, List<Post> posts, List<FollowLink> next)
    {
        var withCursor = document.QuerySelectorAll("shreddit-post[more-posts-cursor]");
        var cursor = withCursor.Length > 0 ? withCursor[^1].GetAttribute("more-posts-cursor") : null;
        var community = RedditUrls.SubredditOf(page.Url.AbsolutePath);
        if (cursor is not null && community is not null)
        {
            var sort = page.Url.AbsolutePath.TrimEnd('/').Split('/') is { Length: > 3 } parts && parts[^1] is "hot" or "new" or "top" or "rising" ? parts[^1] : "hot";
            next.Add(new FollowLink(
                new Uri(page.Url, $"/svc/shreddit/community-more-posts/{sort}/?after={Uri.EscapeDataString(cursor)}&name={community}&feedLength={posts.Count(p => p.Kind == PostKinds.Post)}"),
                FollowKind.NextPage));
        }

        foreach (var partial in document.QuerySelectorAll("faceplate-partial[src]"))
        {
            var src = partial.GetAttribute("src")!;
            var kind = src.Contains("/svc/shreddit/comments/", StringComparison.Ordinal) || src.Contains("/more-comments/", StringComparison.Ordinal)
                ? FollowKind.Comments
                : src.Contains("more-posts", StringComparison.Ordinal) || src.Contains("/search/", StringComparison.Ordinal) && src.Contains("cursor=", StringComparison.Ordinal)
                    ? FollowKind.NextPage
                    : (FollowKind?)null;
            if (kind is { } k && Urls.Resolve(page.Url, src) is { } url)
            {
                next.Add(new FollowLink(url, k));
            }
        }
    }
}
