using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>A post read from a Reddit page's meta tags alone (title, subreddit, shortened description).</summary>
internal static class RedditMetaPost
{
    public static Post? From(PostKey key, MetaTags meta, Uri page)
    {
        var ogTitle = meta.Get("og:title") ?? meta.Get("twitter:title");
        var title = ogTitle;
        var marker = ogTitle?.IndexOf(" on Reddit: ", StringComparison.Ordinal) ?? -1;
        if (marker >= 0)
        {
            title = ogTitle![(marker + 12)..];
        }
        else if (meta.Title is { } pageTitle && pageTitle.LastIndexOf(" : r/", StringComparison.Ordinal) is var cut and > 0)
        {
            title = pageTitle[..cut];
        }

        if (title is null)
        {
            return null;
        }

        var url = meta.Get("og:url") ?? page.AbsoluteUri;
        return new Post
        {
            Platform = PlatformKeys.Reddit,
            Id = key.Id,
            Url = url.Split('?')[0],
            Kind = PostKinds.Post,
            Title = TextNormalizer.OneLine(title),
            Text = TextNormalizer.Normalize(meta.Get("description")),
            Community = RedditUrls.SubredditOf(url),
            Media = meta.Get("og:image") is { } image && !image.Contains("share.redd.it", StringComparison.Ordinal) ? [new Media { Type = "image", Url = image }] : [],
        };
    }
}
