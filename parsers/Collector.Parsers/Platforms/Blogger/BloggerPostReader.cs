using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Blogger;

/// <summary>One Blogger post element, or one comment, to a post.</summary>
internal static partial class BloggerPostReader
{
    public static Post? Read(IElement element, Uri page, MetaTags meta, string? blogName)
    {
        var body = element.QuerySelector(".post-body, .entry-content, [itemprop=articleBody]");
        var postId = element.QuerySelector("meta[itemprop=postId]")?.GetAttribute("content")
            ?? (body?.Id is { } bodyId && bodyId.StartsWith("post-body-", StringComparison.Ordinal) ? bodyId["post-body-".Length..] : null)
            ?? element.QuerySelector("a[name]")?.GetAttribute("name");
        if (postId is null || !postId.All(char.IsAsciiDigit) || body is null)
        {
            return null;
        }

        var titleElement = element.QuerySelector(".post-title, .entry-title, [itemprop=name]");
        var permalink = titleElement?.QuerySelector("a[href]")?.GetAttribute("href")
            ?? element.QuerySelector("a.timestamp-link")?.GetAttribute("href")
            ?? meta.Get("og:url");
        var published = element.QuerySelector("abbr.published, abbr[itemprop=datePublished], time.published, time[datetime]");
        var authorElement = element.QuerySelector(".post-author .fn, [itemprop=author] [itemprop=name], .post-author a, .g-profile");
        var profile = element.QuerySelector("[itemprop=author] meta[itemprop=url]")?.GetAttribute("content")
            ?? element.QuerySelector(".post-author a.g-profile")?.GetAttribute("href");
        var profileId = profile is not null && ProfilePattern().Match(profile) is { Success: true } m ? m.Groups[1].Value : null;
        var links = body.Hrefs(page).Where(h => !h.Contains("blogger.googleusercontent.com", StringComparison.Ordinal) && !h.Contains(".bp.blogspot.com", StringComparison.Ordinal)).ToList();
        var images = body.QuerySelectorAll("img[src]").Select(i => Urls.ResolveString(page, i.GetAttribute("src"))).OfType<string>()
            .Distinct(StringComparer.Ordinal).Select(u => new Media { Type = "image", Url = u }).ToList();
        return PostEnricher.Enrich(
            new Post
            {
                Platform = PlatformKeys.Blogger,
                Id = postId,
                Url = Urls.ResolveString(page, permalink) ?? page.AbsoluteUri,
                Kind = PostKinds.Article,
                Author = new Author { Id = profileId, Name = authorElement.Text(), Url = profile },
                PublishedAt = Times.Parse(published?.GetAttribute("title") ?? published?.GetAttribute("datetime")),
                Title = titleElement.Text(),
                Text = body.BlockText(),
                Community = blogName,
                Media = images,
                Links = links,
                Hashtags = element.QuerySelectorAll(".post-labels a").Select(a => a.Text()).OfType<string>().ToList(),
                Metrics = new Metrics { Comments = CommentCount(element) },
            },
            meta.DeclaredLanguage);
    }

    /// <summary>A comment: <c>li.comment[id=c…]</c> (threaded template) or <c>dt[id=c…]</c> (classic), its time from <c>showComment=&lt;ms&gt;</c>.</summary>
    public static Post? ReadComment(IElement comment, Post parent, Uri page)
    {
        var id = comment.Id is { Length: > 1 } raw && raw[0] == 'c' && raw[1..].All(char.IsAsciiDigit) ? raw[1..] : null;
        if (id is null)
        {
            return null;
        }

        var permalink = comment.QuerySelector("a[href*=showComment]")?.GetAttribute("href");
        var ms = permalink is not null && ShowCommentPattern().Match(permalink) is { Success: true } m ? m.Groups[1].Value : null;
        var body = comment.QuerySelector(".comment-content, p.comment-body, .comment-body");
        if (body is null && comment.LocalName == "dt")
        {
            body = comment.NextElementSibling;
        }

        var author = comment.QuerySelector("cite.user, .comment-author, .user a, cite");
        var replyTo = comment.ParentElement?.Closest("li.comment");
        return PostEnricher.Enrich(new Post
        {
            Platform = PlatformKeys.Blogger,
            Id = id,
            Url = Urls.ResolveString(page, permalink),
            Kind = PostKinds.Comment,
            Author = new Author { Name = author.Text(), Url = Urls.ResolveString(page, author?.QuerySelector("a[href]")?.GetAttribute("href") ?? author?.GetAttribute("href")) },
            PublishedAt = ms is not null && long.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? Times.FromEpoch(value) : null,
            Text = body.BlockText(),
            ParentId = replyTo?.Id is { Length: > 1 } p && p[0] == 'c' ? p[1..] : parent.Id,
            RootId = parent.Id,
        });
    }

    private static long? CommentCount(IElement element)
    {
        var text = element.QuerySelector(".comment-link, .post-comment-link a")?.Text();
        return text is not null && char.IsAsciiDigit(text[0]) ? Counts.Parse(text) : null;
    }

    [GeneratedRegex(@"/profile/(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ProfilePattern();

    [GeneratedRegex(@"showComment=(\d{10,14})", RegexOptions.CultureInvariant)]
    private static partial Regex ShowCommentPattern();
}
