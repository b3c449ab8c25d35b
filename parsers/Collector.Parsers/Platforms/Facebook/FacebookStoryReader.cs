using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Facebook;

/// <summary>One mobile-basic story or comment element to a post.</summary>
internal static partial class FacebookStoryReader
{
    public static Post? Read(IElement story, Uri page)
    {
        var ft = Ft(story);
        var id = ft?.Str("top_level_post_id") ?? LinkData(story, "top_level_post_id");
        if (id is null)
        {
            return null;
        }

        var owner = ft?.Str("content_owner_id_new") ?? LinkData(story, "content_owner_id_new");
        var original = ft?.Str("original_content_id") ?? LinkData(story, "original_content_id");
        var publish = PublishTime(ft) ?? (LinkDataRaw(story) is { } raw && PublishPattern().Match(raw) is { Success: true } m ? Times.Parse(m.Groups[1].Value) : null);
        var container = story.QuerySelector(".story_body_container") ?? story;
        var header = container.QuerySelector("header");
        var authorLink = header?.QuerySelector("h3 strong a, h3 a, strong a");
        var textElement = container.QuerySelectorAll("[data-ft]").FirstOrDefault(e => e.GetAttribute("data-ft")?.Contains("\"tn\":\"*s\"", StringComparison.Ordinal) == true)
            ?? container.QuerySelector("._5rgt");
        var text = textElement.BlockText();
        var links = textElement.Hrefs(page).Select(Unwrap).Where(h => Urls.Resolve(page, h) is { } u && !Hosts.IsAny(u, "facebook.com")).Distinct(StringComparer.Ordinal).ToList();
        var media = container.QuerySelectorAll("a[href*='/photos/'] img[src], ._5rgu img[src]")
            .Select(i => i.GetAttribute("src")!).Where(s => s.StartsWith("http", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)
            .Select(s => new Media { Type = "image", Url = s }).ToList();
        var permalink = container.QuerySelector("header a[href*='story.php'], header a[href*='/permalink/'], a[href*='story_fbid=" + id + "']")?.GetAttribute("href");
        var groupId = PageIdOfType(ft, "group");
        return PostEnricher.Enrich(new Post
        {
            Platform = PlatformKeys.Facebook,
            Id = id,
            Url = owner is null ? Urls.ResolveString(page, StripTracking(permalink)) : $"https://www.facebook.com/{owner}/posts/{id}",
            Author = new Author { Id = owner, Handle = Handle(authorLink?.GetAttribute("href")), Name = authorLink.Text() },
            PublishedAt = publish,
            Text = text,
            Community = groupId,
            RepostOf = original is not null && original != id ? original : null,
            Media = media,
            Links = links,
            Metrics = new Metrics
            {
                Shares = Counts.Parse(story.ParentElement?.QuerySelector($"#ufi_{id} [data-sigil=feed-ufi-sharers]")?.TextContent
                    ?? story.QuerySelector("[data-sigil=feed-ufi-sharers]")?.TextContent),
            },
        });
    }

    public static Post? ReadComment(IElement comment)
    {
        var token = DataJson(comment.GetAttribute("data-store"))?.Str("token");
        var id = comment.GetAttribute("id");
        var cut = token?.IndexOf('_', StringComparison.Ordinal) ?? -1;
        if (id is null || !id.All(char.IsAsciiDigit) || cut <= 0)
        {
            return null;
        }

        var postId = token![..cut];
        var body = comment.QuerySelector("[data-sigil=comment-body]");
        var text = body.BlockText();
        var authorName = comment.QuerySelector("._2b05").Text() ?? comment.QuerySelector("a[href] strong, strong").Text();
        var authorHref = comment.QuerySelector("._2b05 a[href], a._2b05")?.GetAttribute("href");
        return PostEnricher.Enrich(new Post
        {
            Platform = PlatformKeys.Facebook,
            Id = postId + "_" + id,
            Url = $"https://www.facebook.com/{postId}?comment_id={id}",
            Kind = PostKinds.Comment,
            Author = new Author { Name = authorName, Handle = Handle(authorHref) },
            Text = text,
            ParentId = postId,
            RootId = postId,
        });
    }

    private static JsonElement? Ft(IElement story) => DataJson(story.GetAttribute("data-ft"));

    private static JsonElement? DataJson(string? attribute)
    {
        if (string.IsNullOrEmpty(attribute) || attribute[0] != '{')
        {
            return null;
        }

        using var document = JsonRead.TryParse(attribute);
        return document?.RootElement.Clone();
    }

    private static DateTimeOffset? PublishTime(JsonElement? ft)
    {
        foreach (var insight in ft?.Properties("page_insights") ?? [])
        {
            if (insight.Value.Time("post_context", "publish_time") is { } time)
            {
                return time;
            }
        }

        return null;
    }

    private static string? PageIdOfType(JsonElement? ft, string type)
    {
        foreach (var insight in ft?.Properties("page_insights") ?? [])
        {
            if (insight.Value.Str("page_id_type") == type)
            {
                return insight.Value.Str("page_id") ?? insight.Name;
            }
        }

        return null;
    }

    /// <summary>The <c>linkdata</c> string of a data-store ("top_level_post_id.123:content_owner_id_new.456:…").</summary>
    private static string? LinkDataRaw(IElement story) => DataJson(story.GetAttribute("data-store"))?.Str("linkdata");

    private static string? LinkData(IElement story, string key)
    {
        var raw = LinkDataRaw(story);
        var at = raw?.IndexOf(key + ".", StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var start = at + key.Length + 1;
        var end = start;
        while (end < raw!.Length && char.IsAsciiDigit(raw[end]))
        {
            end++;
        }

        return end > start ? raw[start..end] : null;
    }

    /// <summary>"/Nintendo/?refid=52" to "Nintendo"; "/profile.php?id=4" to "4".</summary>
    private static string? Handle(string? href)
    {
        if (href is null || !Uri.TryCreate(new Uri("https://m.facebook.com"), href, out var url))
        {
            return null;
        }

        if (url.AbsolutePath == "/profile.php")
        {
            return Urls.Query(url, "id");
        }

        var first = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is null or "groups" or "story.php" or "photo.php" ? null : first;
    }

    /// <summary>Facebook's outbound redirect (l.facebook.com/l.php?u=…) to the real URL.</summary>
    private static string Unwrap(string href) =>
        href.Contains("/l.php?", StringComparison.Ordinal) && Uri.TryCreate(href, UriKind.Absolute, out var url) && Urls.Query(url, "u") is { Length: > 0 } target
            ? target
            : href;

    private static string? StripTracking(string? href)
    {
        if (href is null)
        {
            return null;
        }

        var cut = href.IndexOf("&refid", StringComparison.Ordinal);
        return cut > 0 ? href[..cut] : href;
    }

    [GeneratedRegex("publish_time\\\\?\"?:(\\d{9,11})", RegexOptions.CultureInvariant)]
    private static partial Regex PublishPattern();
}
