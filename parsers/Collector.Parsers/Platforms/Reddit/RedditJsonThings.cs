using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>One API thing (<c>t3</c> link or <c>t1</c> comment data object) to a post.</summary>
internal static class RedditJsonThings
{
    public static Post Post(JsonElement data)
    {
        var isSelf = data.Bool("is_self") ?? false;
        var outbound = isSelf ? null : data.Str("url_overridden_by_dest") ?? data.Str("url");
        var media = Media(data);

        // An image post's destination is its image: media, not a link (as the HTML readers have it).
        var isOwnMedia = outbound is not null && media.Any(m => string.Equals(m.Url, outbound, StringComparison.Ordinal));
        return new Post
        {
            Platform = PlatformKeys.Reddit,
            Id = RedditUrls.Fullname("t3", data.Str("name") ?? data.Str("id") ?? "unknown"),
            Url = RedditUrls.Permalink(data.Str("permalink")),
            Kind = PostKinds.Post,
            Author = Author(data),
            PublishedAt = data.Time("created_utc") ?? data.Time("created"),
            Title = TextNormalizer.OneLine(Decode(data.Str("title"))),
            Text = TextNormalizer.Normalize(RedditRemoval.TextOrNull(Decode(data.Str("selftext")))),
            Community = data.Str("subreddit"),
            Media = media,
            Links = outbound is not null && !isOwnMedia && !outbound.Contains("reddit.com/", StringComparison.Ordinal) && !IsMediaHost(outbound) ? [outbound] : [],
            Metrics = new Metrics { Score = data.Long("score"), Comments = data.Long("num_comments") },
            RepostOf = data.Str("crosspost_parent"),
        };
    }

    public static Post Comment(JsonElement data)
    {
        var body = RedditRemoval.TextOrNull(Decode(data.Str("body")));
        return new Post
        {
            Platform = PlatformKeys.Reddit,
            Id = RedditUrls.Fullname("t1", data.Str("name") ?? data.Str("id") ?? "unknown"),
            Url = RedditUrls.Permalink(data.Str("permalink")),
            Kind = PostKinds.Comment,
            Author = Author(data),
            PublishedAt = data.Time("created_utc") ?? data.Time("created"),
            Title = null,
            Text = TextNormalizer.Normalize(body),
            Community = data.Str("subreddit"),
            ParentId = data.Str("parent_id"),
            RootId = data.Str("link_id"),
            Metrics = new Metrics { Score = data.Long("score") },
        };
    }

    private static Author? Author(JsonElement data)
    {
        var name = data.Str("author");
        if (name is null or "[deleted]")
        {
            return null;
        }

        return new Author { Id = data.Str("author_fullname"), Handle = name, Name = name, Url = RedditUrls.User(name) };
    }

    private static List<Media> Media(JsonElement data)
    {
        var media = new List<Media>();
        if (data.Str("media", "reddit_video", "fallback_url") is { } video)
        {
            media.Add(new Media { Type = "video", Url = video });
        }

        foreach (var item in data.Properties("media_metadata"))
        {
            if ((item.Value.Str("s", "u") ?? item.Value.Str("s", "gif")) is { } u)
            {
                media.Add(new Media { Type = item.Value.Str("e") == "AnimatedImage" ? "gif" : "image", Url = Decode(u)! });
            }
        }

        var url = data.Str("url_overridden_by_dest") ?? data.Str("url");
        if (media.Count == 0 && url is not null && IsMediaHost(url))
        {
            media.Add(new Media { Type = url.Contains("v.redd.it", StringComparison.Ordinal) ? "video" : "image", Url = url });
        }

        if (media.Count == 0 && data.Str("preview", "images", "0", "source", "url") is { } preview)
        {
            media.Add(new Media { Type = "image", Url = Decode(preview)! });
        }

        return media;
    }

    private static bool IsMediaHost(string url) =>
        url.Contains("i.redd.it", StringComparison.Ordinal) || url.Contains("v.redd.it", StringComparison.Ordinal)
        || url.Contains("i.imgur.com", StringComparison.Ordinal);

    /// <summary>The API escapes &amp;, &lt; and &gt; unless raw_json=1 was asked.</summary>
    private static string? Decode(string? text) =>
        text is null || !text.Contains('&', StringComparison.Ordinal)
            ? text
            : text.Replace("&amp;", "&", StringComparison.Ordinal).Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal);
}
