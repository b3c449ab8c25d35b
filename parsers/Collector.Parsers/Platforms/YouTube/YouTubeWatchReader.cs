using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.YouTube;

/// <summary>A player response (videoDetails, microformat, playabilityStatus) plus the watch page's ytInitialData to one video post.</summary>
internal static class YouTubeWatchReader
{
    public static ParseResult Read(JsonElement player, JsonElement? data, PostKey? subject, YouTubeParser parser)
    {
        var status = player.Str("playabilityStatus", "status");
        var reason = player.Str("playabilityStatus", "reason") ?? player.Str("playabilityStatus", "messages", "0");
        var details = player.At("videoDetails");
        if (details is null || status is "ERROR" or "LOGIN_REQUIRED" or "UNPLAYABLE" && details?.Str("videoId") is null)
        {
            var outcome = status switch
            {
                "LOGIN_REQUIRED" => reason?.Contains("private", StringComparison.OrdinalIgnoreCase) == true ? PageOutcome.LoginWall : PageOutcome.LoginWall,
                "ERROR" when reason?.Contains("removed", StringComparison.OrdinalIgnoreCase) == true
                    || reason?.Contains("terminated", StringComparison.OrdinalIgnoreCase) == true => PageOutcome.Removed,
                "ERROR" or "UNPLAYABLE" => PageOutcome.NotFound,
                _ => PageOutcome.Unrecognized,
            };
            return parser.Result(outcome, $"playability {status ?? "missing"}: {reason ?? "no videoDetails"}", subject);
        }

        var d = details.Value;
        var id = d.Str("videoId");
        if (id is null)
        {
            return parser.Result(PageOutcome.Unrecognized, "videoDetails without videoId", subject);
        }

        var micro = player.At("microformat", "playerMicroformatRenderer");
        var ownerUrl = micro?.Str("ownerProfileUrl");
        var handle = ownerUrl is not null && ownerUrl.Contains("/@", StringComparison.Ordinal) ? ownerUrl[(ownerUrl.IndexOf("/@", StringComparison.Ordinal) + 2)..] : null;
        var channelId = d.Str("channelId") ?? micro?.Str("externalChannelId");
        var text = TextNormalizer.Normalize(d.Str("shortDescription") ?? micro?.Str("description", "simpleText"));
        var title = TextNormalizer.OneLine(d.Str("title") ?? micro?.Str("title", "simpleText"));
        var thumbnail = d.Items("thumbnail", "thumbnails").LastOrDefault().Str("url");
        var post = new Post
        {
            Platform = PlatformKeys.YouTube,
            Id = id,
            Url = $"https://www.youtube.com/watch?v={id}",
            Kind = PostKinds.Video,
            Author = new Author
            {
                Id = channelId,
                Handle = handle,
                Name = d.Str("author") ?? micro?.Str("ownerChannelName"),
                Url = ownerUrl?.Replace("http://", "https://", StringComparison.Ordinal) ?? (channelId is null ? null : $"https://www.youtube.com/channel/{channelId}"),
            },
            PublishedAt = Times.Parse(micro?.Str("publishDate")) ?? Times.Parse(micro?.Str("uploadDate")),
            Title = title,
            Text = text,
            Language = LanguageDetection.Resolve(title + "\n" + text),
            Media = thumbnail is null ? [] : [new Media { Type = "image", Url = thumbnail }],
            Links = TextExtraction.Links(text),
            Hashtags = TextExtraction.Hashtags(text),
            Metrics = new Metrics
            {
                Views = d.Long("viewCount") ?? micro?.Long("viewCount"),
                Likes = micro?.Long("likeCount"),
                Comments = data is { } initial ? CommentCount(initial) : null,
            },
        };
        return parser.Result([post], [], subject ?? post.Key);
    }

    /// <summary>The comment count the watch page shows in its comments panel header ("2.7K": rounded as YouTube rounds it).</summary>
    private static long? CommentCount(JsonElement data)
    {
        foreach (var panel in data.Items("engagementPanels"))
        {
            var header = panel.At("engagementPanelSectionListRenderer", "header", "engagementPanelTitleHeaderRenderer");
            if (header?.Str("panelIdentifier") is "engagement-panel-comments-section"
                || panel.Str("engagementPanelSectionListRenderer", "panelIdentifier") == "engagement-panel-comments-section"
                || header?.Str("title", "runs", "0", "text") is "Comments")
            {
                return Counts.Parse(header?.Str("contextualInfo", "runs", "0", "text"));
            }
        }

        return null;
    }
}
