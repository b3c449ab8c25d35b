using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>One API thing (<c>t3</c> link or <c>t1</c> comment data object, read by <see cref="RedditThingFields"/>) to a post.</summary>
internal static class RedditJsonThings
{
    public static Post Post(in RedditThingFields data)
    {
        var isSelf = data.IsSelf.Bool() ?? false;
        var outbound = isSelf ? null : data.UrlOverriddenByDest.Str() ?? data.Url.Str();
        var media = Media(data);

        // An image post's destination is its image: media, not a link (as the HTML readers have it).
        var isOwnMedia = outbound is not null && media.Any(m => string.Equals(m.Url, outbound, StringComparison.Ordinal));
        return new Post
        {
            Platform = PlatformKeys.Reddit,
            Id = RedditUrls.Fullname("t3", data.Name.Str() ?? data.Id.Str() ?? "unknown"),
            Url = RedditUrls.Permalink(data.Permalink.Str()),
            Kind = PostKinds.Post,
            Author = Author(data),
            PublishedAt = data.CreatedUtc.Time() ?? data.Created.Time(),
            Title = TextNormalizer.OneLine(Decode(data.Title.Str())),
            Text = TextNormalizer.Normalize(RedditRemoval.TextOrNull(Decode(data.Selftext.Str()))),
            Community = data.Subreddit.Str(),
            Media = media,
            Links = outbound is not null && !isOwnMedia && !outbound.Contains("reddit.com/", StringComparison.Ordinal) && !IsMediaHost(outbound) ? [outbound] : [],
            Metrics = new Metrics { Score = data.Score.Long(), Comments = data.NumComments.Long() },
            RepostOf = data.CrosspostParent.Str(),
        };
    }

    public static Post Comment(in RedditThingFields data)
    {
        var body = RedditRemoval.TextOrNull(Decode(data.Body.Str()));
        return new Post
        {
            Platform = PlatformKeys.Reddit,
            Id = RedditUrls.Fullname("t1", data.Name.Str() ?? data.Id.Str() ?? "unknown"),
            Url = RedditUrls.Permalink(data.Permalink.Str()),
            Kind = PostKinds.Comment,
            Author = Author(data),
            PublishedAt = data.CreatedUtc.Time() ?? data.Created.Time(),
            Title = null,
            Text = TextNormalizer.Normalize(body),
            Community = data.Subreddit.Str(),
            ParentId = data.ParentId.Str(),
            RootId = data.LinkId.Str(),
            Metrics = new Metrics { Score = data.Score.Long() },
        };
    }

    private static Author? Author(in RedditThingFields data)
    {
        var name = data.Author.Str();
        if (name is null or "[deleted]")
        {
            return null;
        }

        return new Author { Id = data.AuthorFullname.Str(), Handle = name, Name = name, Url = RedditUrls.User(name) };
    }

    private static List<Media> Media(in RedditThingFields data)
    {
        var media = new List<Media>();
        if (data.Media.Str("reddit_video", "fallback_url") is { } video)
        {
            media.Add(new Media { Type = "video", Url = video });
        }

        foreach (var item in data.MediaMetadata.Properties())
        {
            if ((item.Value.Str("s", "u") ?? item.Value.Str("s", "gif")) is { } u)
            {
                media.Add(new Media { Type = item.Value.Str("e") == "AnimatedImage" ? "gif" : "image", Url = Decode(u)! });
            }
        }

        var url = data.UrlOverriddenByDest.Str() ?? data.Url.Str();
        if (media.Count == 0 && url is not null && IsMediaHost(url))
        {
            media.Add(new Media { Type = url.Contains("v.redd.it", StringComparison.Ordinal) ? "video" : "image", Url = url });
        }

        if (media.Count == 0 && data.Preview.Str("images", "0", "source", "url") is { } preview)
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
