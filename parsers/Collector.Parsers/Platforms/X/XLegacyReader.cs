using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.X;

/// <summary>
/// Pre-2019 twitter.com server pages: <c>div.tweet[data-tweet-id]</c> with data-screen-name, <c>span._timestamp[data-time-ms]</c>,
/// <c>p.tweet-text</c>; on a status page the ancestors, the focal tweet and the threaded replies give parent ids.
/// </summary>
internal static class XLegacyReader
{
    public static ParseResult Read(PageInput page, XParser parser)
    {
        var document = HtmlPage.Parse(page.Body);
        var posts = new List<Post>();
        var next = new List<FollowLink>();
        var focal = document.QuerySelector("div.permalink-tweet[data-tweet-id]")?.GetAttribute("data-tweet-id");
        var ancestors = document.QuerySelectorAll("#ancestors div.tweet[data-tweet-id]").Select(t => t.GetAttribute("data-tweet-id")!).ToList();
        var root = ancestors.FirstOrDefault();
        string? previousInThread = null;
        IElement? currentThread = null;
        foreach (var tweet in document.QuerySelectorAll("div.tweet[data-tweet-id]"))
        {
            var id = tweet.GetAttribute("data-tweet-id")!;
            string? parent = null;
            if (focal is not null)
            {
                var index = ancestors.IndexOf(id);
                if (index > 0)
                {
                    parent = ancestors[index - 1];
                }
                else if (id == focal)
                {
                    parent = ancestors.LastOrDefault();
                }
                else if (tweet.Closest("#descendants, .permalink-replies") is not null)
                {
                    var thread = tweet.Closest("li.ThreadedConversation");
                    parent = thread is not null && ReferenceEquals(thread, currentThread) ? previousInThread : focal;
                    currentThread = thread;
                    previousInThread = id;
                }
            }

            var post = ReadTweet(tweet, id, parent, focal is null ? null : root ?? focal, page.Url);
            if (posts.Any(p => p.Id == post.Id))
            {
                continue;
            }

            posts.Add(post);
            if (id != focal && Uri.TryCreate(post.Url, UriKind.Absolute, out var url))
            {
                next.Add(new FollowLink(url, FollowKind.Item));
            }
        }

        if (document.QuerySelector("[data-expansion-url]")?.GetAttribute("data-expansion-url") is { } more && Urls.Resolve(page.Url, more) is { } moreUrl)
        {
            next.Add(new FollowLink(moreUrl, FollowKind.Comments));
        }

        if (document.QuerySelector("[data-min-position]")?.GetAttribute("data-min-position") is { Length: > 0 } position && focal is null)
        {
            next.Add(new FollowLink(Urls.WithQuery(page.Url, "max_position", position), FollowKind.NextPage));
        }

        var subject = focal is null ? (PostKey?)null : new PostKey(PlatformKeys.X, focal);
        return XFieldPaths.Legacy.Record(parser.Result(posts, next, subject));
    }

    private static Post ReadTweet(IElement tweet, string id, string? parent, string? root, Uri page)
    {
        var handle = tweet.Attr("data-screen-name");
        var textElement = tweet.QuerySelector("p.tweet-text, .js-tweet-text");
        var text = textElement.Text();
        var ms = tweet.QuerySelector("span._timestamp[data-time-ms]")?.GetAttribute("data-time-ms")
            ?? tweet.QuerySelector("[data-time]")?.GetAttribute("data-time");
        var links = textElement?.QuerySelectorAll("a[data-expanded-url]").Select(a => a.GetAttribute("data-expanded-url")!).ToList()
            ?? [];
        var media = tweet.QuerySelectorAll("[data-image-url]").Select(e => new Media { Type = "image", Url = e.GetAttribute("data-image-url")! }).ToList();
        var quoted = tweet.QuerySelector(".QuoteTweet-innerContainer[data-item-id]")?.GetAttribute("data-item-id");
        var permalink = tweet.Attr("data-permalink-path");
        return new Post
        {
            Platform = PlatformKeys.X,
            Id = id,
            Url = permalink is not null ? Urls.ResolveString(page, permalink) : handle is null ? null : $"https://twitter.com/{handle}/status/{id}",
            Kind = parent is null ? PostKinds.Post : PostKinds.Comment,
            Author = new Author
            {
                Id = tweet.Attr("data-user-id"),
                Handle = handle,
                Name = tweet.Attr("data-name"),
                Url = handle is null ? null : $"https://twitter.com/{handle}",
            },
            PublishedAt = Times.Parse(ms) ?? XTimes.FromSnowflake(id),
            Text = text,
            Language = LanguageDetection.Resolve(text, textElement?.GetAttribute("lang")),
            ParentId = parent,
            RootId = root is not null && root != id ? root : null,
            RepostOf = quoted,
            Media = media,
            Links = links,
            Hashtags = TextExtraction.Hashtags(text),
            Metrics = new Metrics
            {
                Comments = Stat(tweet, "reply"),
                Shares = Stat(tweet, "retweet"),
                Likes = Stat(tweet, "favorite"),
            },
        };
    }

    private static long? Stat(IElement tweet, string action) =>
        Counts.Parse(tweet.QuerySelector($".ProfileTweet-action--{action} [data-tweet-stat-count]")?.GetAttribute("data-tweet-stat-count"));
}
