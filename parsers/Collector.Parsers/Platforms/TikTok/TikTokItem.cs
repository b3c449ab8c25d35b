using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.TikTok;

/// <summary>One TikTok item (<c>itemStruct</c>, ItemModule entry or itemList row) to a video post.</summary>
internal static class TikTokItem
{
    /// <summary>Where <see cref="Read"/> takes each field, relative to the item (for <c>parse --explain</c>).</summary>
    public static IReadOnlyDictionary<string, string> Paths { get; } = new Dictionary<string, string>
    {
        ["url"] = "author.uniqueId + id",
        ["author.id"] = "author.id | authorId",
        ["author.handle"] = "author.uniqueId | author",
        ["author.name"] = "author.nickname | nickname",
        ["author.url"] = "author.uniqueId",
        ["publishedAt"] = "createTime",
        ["text"] = "desc",
        ["language"] = "textLanguage | detected from desc",
        ["media"] = "video.playAddr | video.downloadAddr, imagePost.images[].imageURL.urlList[0]",
        ["hashtags"] = "textExtra[].hashtagName, challenges[].title | desc",
        ["links"] = "desc",
        ["metrics.likes"] = "(statsV2 | stats).diggCount",
        ["metrics.comments"] = "(statsV2 | stats).commentCount",
        ["metrics.shares"] = "(statsV2 | stats).shareCount",
        ["metrics.views"] = "(statsV2 | stats).playCount",
    };

    public static Post? Read(JsonElement item)
    {
        var id = item.Str("id");
        if (id is null || !id.All(char.IsAsciiDigit))
        {
            return null;
        }

        var author = item.At("author");
        var handle = author?.ValueKind == JsonValueKind.String ? author.Value.GetString() : author?.Str("uniqueId");
        var text = TextNormalizer.Normalize(item.Str("desc"));
        var hashtags = item.Items("textExtra").Select(t => t.Str("hashtagName")).OfType<string>()
            .Concat(item.Items("challenges").Select(c => c.Str("title")).OfType<string>())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var media = new List<Media>();
        if ((item.Str("video", "playAddr") ?? item.Str("video", "downloadAddr")) is { } play)
        {
            media.Add(new Media { Type = "video", Url = play });
        }

        foreach (var image in item.Items("imagePost", "images"))
        {
            if (image.Str("imageURL", "urlList", "0") is { } url)
            {
                media.Add(new Media { Type = "image", Url = url });
            }
        }

        var stats = item.At("statsV2") ?? item.At("stats");
        return new Post
        {
            Platform = PlatformKeys.TikTok,
            Id = id,
            Url = handle is null ? $"https://www.tiktok.com/video/{id}" : $"https://www.tiktok.com/@{handle}/video/{id}",
            Kind = PostKinds.Video,
            Author = handle is null ? null : new Author
            {
                Id = author?.ValueKind == JsonValueKind.Object ? author.Value.Str("id") : item.Str("authorId"),
                Handle = handle,
                Name = author?.ValueKind == JsonValueKind.Object ? author.Value.Str("nickname") : item.Str("nickname"),
                Url = $"https://www.tiktok.com/@{handle}",
            },
            PublishedAt = item.Time("createTime"),
            Text = text,
            Language = LanguageDetection.Resolve(text, item.Str("textLanguage") is { } l && l != "un" ? l : null),
            Media = media,
            Links = TextExtraction.Links(text),
            Hashtags = hashtags.Count > 0 ? hashtags : TextExtraction.Hashtags(text),
            Metrics = new Metrics
            {
                Likes = stats?.Long("diggCount"),
                Comments = stats?.Long("commentCount"),
                Shares = stats?.Long("shareCount"),
                Views = stats?.Long("playCount"),
            },
        };
    }
}
