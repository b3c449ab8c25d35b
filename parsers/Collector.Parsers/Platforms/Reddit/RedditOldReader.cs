using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>
/// old.reddit.com: <c>div.thing</c> links and comments with <c>data-*</c> attributes (fullname, author, subreddit,
/// timestamp in ms, score, comments count, permalink), and the older markup without them (classes <c>id-t3_…</c>,
/// <c>a.author</c>, <c>time[datetime]</c>). Nested <c>div.child</c> gives comment parents; <c>span.next-button</c> the next page.
/// </summary>
internal static class RedditOldReader
{
    public static ParseResult Read(RedditParser parser, PageInput page)
    {
        var document = HtmlPage.Parse(page.Body);
        var posts = new List<Post>();
        var next = new List<FollowLink>();
        var onPostPage = RedditUrls.PostOf(page.Url);
        string? linkId = null;

        foreach (var thing in document.QuerySelectorAll("div.thing"))
        {
            if (thing.ClassList.Contains("promoted") || thing.Attr("data-promoted") == "true" || thing.ClassList.Contains("morechildren"))
            {
                continue;
            }

            var fullname = thing.Attr("data-fullname") ?? thing.ClassList.FirstOrDefault(c => c.StartsWith("id-t", StringComparison.Ordinal))?[3..];
            if (fullname is null)
            {
                continue;
            }

            if (fullname.StartsWith("t3_", StringComparison.Ordinal))
            {
                var post = Link(thing, fullname, page.Url);
                linkId ??= post.Id;
                posts.Add(post);
                if (onPostPage is null && post.Url is { } url)
                {
                    next.Add(new FollowLink(new Uri(url), FollowKind.Item));
                }
            }
            else if (fullname.StartsWith("t1_", StringComparison.Ordinal))
            {
                posts.Add(Comment(thing, fullname, onPostPage ?? linkId, page.Url));
            }
        }

        if (document.QuerySelector("span.next-button a[href]").Attr("href") is { } nextHref && Urls.Resolve(page.Url, nextHref) is { } nextUrl)
        {
            next.Add(new FollowLink(nextUrl, FollowKind.NextPage));
        }

        foreach (var deep in document.QuerySelectorAll("span.deepthread a[href]"))
        {
            if (Urls.Resolve(page.Url, deep.GetAttribute("href")) is { } url)
            {
                next.Add(new FollowLink(url, FollowKind.Comments));
            }
        }

        var subject = onPostPage is { } s ? new PostKey(PlatformKeys.Reddit, s) : (PostKey?)null;
        if (posts.Count == 0)
        {
            if (PageSignals.Detect(page) is { } signal)
            {
                return parser.Classified(signal.Outcome, signal.Reason, subject);
            }

            return document.QuerySelector("#siteTable, .sitetable") is not null
                ? parser.Found([], next, subject, "old-reddit listing with no things")
                : parser.Classified(PageOutcome.Unrecognized, "old-reddit markers but no siteTable", subject);
        }

        var enriched = PostEnricher.EnrichAll(posts);
        if (subject is { } key && enriched.FirstOrDefault(p => p.Key == key) is { Author: null, Text: null })
        {
            return RedditFieldPaths.Old.Record(new ParseResult { Classification = PageOutcome.Removed, Reason = "post [deleted]/[removed]", Posts = enriched, Next = next, Subject = key, Platform = parser.Platform });
        }

        return RedditFieldPaths.Old.Record(parser.Found(enriched, next, subject));
    }

    private static Post Link(IElement thing, string fullname, Uri page)
    {
        var author = thing.Attr("data-author") ?? thing.QuerySelector(".tagline a.author").Text();
        var titleLink = thing.QuerySelector("p.title a.title, a.title");
        var permalink = thing.Attr("data-permalink") ?? thing.QuerySelector("a.comments").Attr("href");
        var dataUrl = thing.Attr("data-url");
        var outbound = dataUrl is not null && dataUrl.StartsWith("http", StringComparison.Ordinal) && !dataUrl.Contains("reddit.com", StringComparison.Ordinal) ? dataUrl : null;
        var body = thing.QuerySelector("div.expando div.usertext-body div.md, div.usertext-body div.md");
        var time = Times.Parse(thing.Attr("data-timestamp")) ?? Times.Parse(thing.QuerySelector(".tagline time").Attr("datetime"));
        var comments = Counts.Parse(thing.Attr("data-comments-count")) ?? Counts.Parse(thing.QuerySelector("a.comments").Text());
        var score = Counts.Parse(thing.Attr("data-score")) ?? Counts.Parse(thing.QuerySelector(".score.unvoted").Attr("title") ?? thing.QuerySelector(".score.unvoted").Text());
        return new Post
        {
            Platform = PlatformKeys.Reddit,
            Id = fullname,
            Url = permalink is null ? null : Urls.ResolveString(new Uri(RedditUrls.Origin), permalink),
            Kind = PostKinds.Post,
            Author = AuthorOf(author, thing.Attr("data-author-fullname")),
            PublishedAt = time,
            Title = titleLink.Text(),
            Text = RedditRemoval.TextOrNull(body.BlockText()),
            Community = thing.Attr("data-subreddit") ?? thing.QuerySelector(".tagline a.subreddit").Text()?.Replace("r/", string.Empty, StringComparison.Ordinal),
            Links = TextExtraction.Merge(outbound is null ? [] : [outbound], body.Hrefs(page)),
            Media = outbound is null && dataUrl is not null && dataUrl.Contains("i.redd.it", StringComparison.Ordinal) ? [new Media { Type = "image", Url = dataUrl }] : [],
            Metrics = new Metrics { Score = score, Comments = comments },
        };
    }

    private static Post Comment(IElement thing, string fullname, string? linkId, Uri page)
    {
        var entry = thing.Children.FirstOrDefault(c => c.ClassList.Contains("entry"));
        var author = thing.Attr("data-author") ?? entry?.QuerySelector(".tagline a.author").Text();
        var body = entry?.QuerySelector("div.usertext-body div.md");
        var parentThing = thing.ParentElement?.Closest("div.thing");
        var parentName = parentThing?.Attr("data-fullname") ?? parentThing?.ClassList.FirstOrDefault(c => c.StartsWith("id-t", StringComparison.Ordinal))?[3..];
        var scoreElement = entry?.QuerySelector(".tagline .score.unvoted");
        return new Post
        {
            Platform = PlatformKeys.Reddit,
            Id = fullname,
            Url = thing.Attr("data-permalink") is { } p ? Urls.ResolveString(new Uri(RedditUrls.Origin), p) : null,
            Kind = PostKinds.Comment,
            Author = AuthorOf(author, thing.Attr("data-author-fullname")),
            PublishedAt = Times.Parse(entry?.QuerySelector(".tagline time").Attr("datetime")),
            Text = RedditRemoval.TextOrNull(body.BlockText()),
            Community = thing.Attr("data-subreddit"),
            ParentId = parentName ?? linkId,
            RootId = linkId,
            Links = body.Hrefs(page),
            Metrics = new Metrics { Score = Counts.Parse(scoreElement.Attr("title") ?? scoreElement.Text()) },
        };
    }

    private static Author? AuthorOf(string? name, string? id) =>
        name is null or "[deleted]" ? null : new Author { Id = id, Handle = name, Name = name, Url = RedditUrls.User(name) };
}
