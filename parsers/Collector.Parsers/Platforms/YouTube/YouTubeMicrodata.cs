using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.YouTube;

/// <summary>
/// Script-less watch-page snapshots: the VideoObject microdata (<c>meta/link itemprop</c>: videoId, name, description,
/// datePublished, interactionCount, author url/name), scanned without a DOM.
/// </summary>
internal static class YouTubeMicrodata
{
    public static Post? Read(string html)
    {
        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        var bounds = new TagBounds(html);
        var i = 0;
        while ((i = html.IndexOf("itemprop=", i, StringComparison.Ordinal)) >= 0)
        {
            var open = bounds.OpenBefore(i);
            var close = bounds.CloseFrom(i);
            if (close < 0)
            {
                break;
            }

            if (open < 0)
            {
                i += 9; // in text, not in a tag
                continue;
            }

            var tag = html[open..(close + 1)];
            i = close;
            if (TagAttributes.Get(tag, "itemprop") is not { } name)
            {
                continue;
            }

            var value = TagAttributes.Get(tag, "content") ?? TagAttributes.Get(tag, "href");
            if (value is not null && name == "url" && IsChannel(value))
            {
                props.TryAdd("channelUrl", value);
            }

            if (value is not null)
            {
                props.TryAdd(name, value); // the first "url"/"name" after the video's own fields are the author's
            }
        }

        if (!props.TryGetValue("videoId", out var id) && !props.TryGetValue("identifier", out id))
        {
            return null;
        }

        var title = props.GetValueOrDefault("name");
        var text = TextNormalizer.Normalize(props.GetValueOrDefault("description"));
        var authorUrl = props.GetValueOrDefault("channelUrl");
        var channelId = props.GetValueOrDefault("channelId");
        return new Post
        {
            Platform = PlatformKeys.YouTube,
            Id = id,
            Url = $"https://www.youtube.com/watch?v={id}",
            Kind = PostKinds.Video,
            Author = new Author
            {
                Id = channelId,
                Handle = authorUrl is null ? null : authorUrl.TrimEnd('/')[(authorUrl.TrimEnd('/').LastIndexOf('/') + 1)..].TrimStart('@'),
                Url = authorUrl?.Replace("http://", "https://", StringComparison.Ordinal),
            },
            PublishedAt = Times.Parse(props.GetValueOrDefault("datePublished") ?? props.GetValueOrDefault("uploadDate")),
            Title = title,
            Text = text,
            Language = LanguageDetection.Resolve(title + "\n" + text),
            Links = TextExtraction.Links(text),
            Hashtags = TextExtraction.Hashtags(text),
            Metrics = new Metrics { Views = Counts.Parse(props.GetValueOrDefault("interactionCount")) },
        };
    }

    /// <summary>A channel's URL (<c>/@handle</c>, <c>/channel/</c>, <c>/user/</c>, <c>/c/</c>): the author's, never the video's own.</summary>
    private static bool IsChannel(string url) =>
        url.Contains("/@", StringComparison.Ordinal) || url.Contains("/channel/", StringComparison.Ordinal)
        || url.Contains("/user/", StringComparison.Ordinal) || url.Contains("/c/", StringComparison.Ordinal);
}
