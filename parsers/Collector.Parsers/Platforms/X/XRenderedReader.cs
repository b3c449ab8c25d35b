using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.X;

/// <summary>A browser-rendered x.com DOM: every <c>article[data-testid=tweet]</c> with its permalink, text, time and counts.</summary>
internal static partial class XRenderedReader
{
    public static ParseResult Read(PageInput page, XParser parser)
    {
        var document = HtmlPage.Parse(page.Body);
        var subjectId = StatusId(page.Url.AbsolutePath);
        var posts = new List<Post>();
        var next = new List<FollowLink>();
        foreach (var article in document.QuerySelectorAll("article[data-testid=tweet]"))
        {
            if (ReadArticle(article, page.Url) is not { } post || posts.Any(p => p.Id == post.Id))
            {
                continue;
            }

            posts.Add(post);
            if (post.Id != subjectId && Uri.TryCreate(post.Url, UriKind.Absolute, out var url))
            {
                next.Add(new FollowLink(url, FollowKind.Item));
            }
        }

        var subject = subjectId is null ? (PostKey?)null : new PostKey(PlatformKeys.X, subjectId);
        if (posts.Count == 0)
        {
            return parser.Result(PageOutcome.Unrecognized, "tweet articles without a status permalink", subject);
        }

        return XFieldPaths.Rendered.Record(parser.Result(posts, next, subject));
    }

    private static Post? ReadArticle(IElement article, Uri page)
    {
        // The status permalink is the link around the tweet's own <time>; quoted tweets nest their own.
        var time = article.QuerySelector("time[datetime]");
        var permalink = time?.Closest("a[href]")?.GetAttribute("href")
            ?? article.QuerySelectorAll("a[href*='/status/']").Select(a => a.GetAttribute("href")).FirstOrDefault();
        var match = permalink is null ? null : StatusPattern().Match(permalink);
        if (match is not { Success: true })
        {
            return null;
        }

        var handle = match.Groups[1].Value;
        var id = match.Groups[2].Value;
        var textElement = article.QuerySelector("[data-testid=tweetText]");
        var text = textElement.Text();
        var nameElement = article.QuerySelector("[data-testid=User-Name] a span");
        var links = textElement.Hrefs(page).Where(h => !Hosts.IsAny(new Uri(h), "x.com", "twitter.com")).ToList();
        var media = article.QuerySelectorAll("[data-testid=tweetPhoto] img[src]")
            .Select(i => new Media { Type = "image", Url = i.GetAttribute("src")! })
            .Concat(article.QuerySelectorAll("video[src], video source[src]").Select(v => new Media { Type = "video", Url = v.GetAttribute("src")! }))
            .Where(m => m.Url.StartsWith("http", StringComparison.Ordinal))
            .ToList();
        return new Post
        {
            Platform = PlatformKeys.X,
            Id = id,
            Url = $"https://x.com/{handle}/status/{id}",
            Author = new Author { Handle = handle, Name = nameElement.Text(), Url = $"https://x.com/{handle}" },
            PublishedAt = Times.Parse(time?.GetAttribute("datetime")) ?? XTimes.FromSnowflake(id),
            Text = text,
            Language = LanguageDetection.Resolve(text, textElement?.GetAttribute("lang")),
            Media = media,
            Links = links,
            Hashtags = TextExtraction.Hashtags(text),
            Metrics = new Metrics
            {
                Comments = Count(article, "reply"),
                Shares = Count(article, "retweet") ?? Count(article, "unretweet"),
                Likes = Count(article, "like") ?? Count(article, "unlike"),
                Views = ViewCount(article),
            },
        };
    }

    /// <summary>The exact count in the button's aria-label ("18151 Replies. Reply"); the visible "18K" is rounded.</summary>
    private static long? Count(IElement article, string testId)
    {
        var label = article.QuerySelector($"[data-testid={testId}]")?.GetAttribute("aria-label");
        var m = label is null ? null : LeadingNumber().Match(label);
        return m is { Success: true } ? Counts.Parse(m.Value) : null;
    }

    private static long? ViewCount(IElement article)
    {
        var label = article.QuerySelector("[role=group][aria-label]")?.GetAttribute("aria-label");
        var m = label is null ? null : ViewsPattern().Match(label);
        return m is { Success: true } ? Counts.Parse(m.Groups[1].Value) : null;
    }

    internal static string? StatusId(string path)
    {
        var m = StatusPattern().Match(path);
        return m.Success ? m.Groups[2].Value : null;
    }

    [GeneratedRegex(@"/([A-Za-z0-9_]{1,20})/status(?:es)?/(\d{1,25})", RegexOptions.CultureInvariant)]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"^[\d,.]+", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"([\d,.]+)\s+views", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ViewsPattern();
}
