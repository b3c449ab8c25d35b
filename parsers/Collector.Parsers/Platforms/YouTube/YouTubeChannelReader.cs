using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.YouTube;

/// <summary>
/// A channel page's ytInitialData: the channel (channelMetadataRenderer) as a profile post and each listed video
/// (gridVideoRenderer / videoRenderer / reelItemRenderer) as a video post with its watch page to follow. Listed videos
/// carry only a relative age ("hace 2 días"), so their time stays null until their own page is read.
/// </summary>
internal static class YouTubeChannelReader
{
    private static readonly string[] VideoRenderers = ["gridVideoRenderer", "videoRenderer", "reelItemRenderer", "compactVideoRenderer"];

    public static ParseResult Read(JsonElement data, Uri url, YouTubeParser parser)
    {
        if (data.At("alerts") is { } alerts && data.At("metadata") is null)
        {
            var text = alerts.Items().Select(a => a.Str("alertRenderer", "text", "simpleText") ?? a.Str("alertRenderer", "text", "runs", "0", "text")).FirstOrDefault(t => t is not null);
            var outcome = text?.Contains("terminated", StringComparison.OrdinalIgnoreCase) == true || text?.Contains("removed", StringComparison.OrdinalIgnoreCase) == true
                ? PageOutcome.Removed
                : PageOutcome.NotFound;
            return parser.Result(outcome, "channel alert: " + (text ?? "no metadata"));
        }

        var meta = data.At("metadata", "channelMetadataRenderer");
        var posts = new List<Post>();
        var next = new List<FollowLink>();
        PostKey? subject = null;
        if (meta is { } m && m.Str("externalId") is { } channelId)
        {
            var vanity = m.Items("ownerUrls").Select(u => u.GetString()).FirstOrDefault(u => u?.Contains("/@", StringComparison.Ordinal) == true)
                ?? m.Str("vanityChannelUrl");
            var handle = vanity is not null && vanity.Contains("/@", StringComparison.Ordinal) ? vanity[(vanity.IndexOf("/@", StringComparison.Ordinal) + 2)..] : null;
            var text = TextNormalizer.Normalize(m.Str("description"));
            var profile = new Post
            {
                Platform = PlatformKeys.YouTube,
                Id = "channel:" + channelId,
                Url = m.Str("channelUrl") ?? $"https://www.youtube.com/channel/{channelId}",
                Kind = PostKinds.Profile,
                Author = new Author { Id = channelId, Handle = handle, Name = m.Str("title"), Url = $"https://www.youtube.com/channel/{channelId}" },
                Title = m.Str("title"),
                Text = text,
                Language = LanguageDetection.Resolve(text),
                Links = TextExtraction.Links(text),
                Hashtags = TextExtraction.Hashtags(text),
            };
            posts.Add(profile);
            subject = profile.Key;
        }

        var author = posts.FirstOrDefault()?.Author;
        foreach (var obj in data.At("contents")?.DescendantObjects() ?? [])
        {
            foreach (var name in VideoRenderers)
            {
                if (obj.At(name) is { } video && Video(video, author) is { } post && posts.All(p => p.Id != post.Id))
                {
                    posts.Add(post);
                    next.Add(new FollowLink(new Uri(post.Url!), FollowKind.Item));
                }
            }
        }

        if (posts.Count == 0)
        {
            return parser.Result(PageOutcome.Unrecognized, "ytInitialData without channel metadata or videos");
        }

        return parser.Result(posts, next, subject);
    }

    private static Post? Video(JsonElement video, Author? channel)
    {
        var id = video.Str("videoId");
        if (id is null)
        {
            return null;
        }

        var title = video.Str("title", "simpleText") ?? video.Str("title", "runs", "0", "text") ?? video.Str("headline", "simpleText");
        var views = video.Str("viewCountText", "simpleText") ?? video.Str("viewCountText", "runs", "0", "text");
        var thumbnail = video.Items("thumbnail", "thumbnails").LastOrDefault().Str("url");
        return new Post
        {
            Platform = PlatformKeys.YouTube,
            Id = id,
            Url = $"https://www.youtube.com/watch?v={id}",
            Kind = PostKinds.Video,
            Author = channel,
            Title = TextNormalizer.OneLine(title),
            Media = thumbnail is null ? [] : [new Media { Type = "image", Url = thumbnail }],
            Hashtags = TextExtraction.Hashtags(title),
            Metrics = new Metrics { Views = ViewCount(views) },
        };
    }

    /// <summary>"127.696 visualizaciones" / "1,234 views": the digits only (the locale's group separator is dropped).</summary>
    private static long? ViewCount(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var digits = new string(text.TakeWhile(c => char.IsDigit(c) || c is '.' or ',' or '\u00A0' or ' ').Where(char.IsDigit).ToArray());
        var rest = text.AsSpan(text.TakeWhile(c => char.IsDigit(c) || c is '.' or ',' or '\u00A0' or ' ').Count());
        if (digits.Length == 0)
        {
            return null;
        }

        // Abbreviated counts ("1,2 M", "12K") are approximate: read them as shown.
        if (rest.Length > 0 && char.ToUpperInvariant(rest[0]) is 'K' or 'M' or 'B')
        {
            return Counts.Parse(text.Replace(',', '.'));
        }

        return long.TryParse(digits, out var n) ? n : null;
    }
}
