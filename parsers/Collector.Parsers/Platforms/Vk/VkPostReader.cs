using System.Globalization;
using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Vk;

/// <summary>One VK wall item (and its <c>copy_history</c> chain) to posts.</summary>
internal static class VkPostReader
{
    /// <summary>Adds the item, then each copied original; returns the item's id ("owner_post").</summary>
    public static string? Add(JsonElement item, VkAuthors authors, List<Post> posts, int depth = 0)
    {
        var owner = item.Long("owner_id") ?? item.Long("source_id") ?? item.Long("from_id");
        var number = item.Long("id") ?? item.Long("post_id");
        if (owner is null || number is null || depth > 10)
        {
            return null;
        }

        var id = Key(owner.Value, number.Value);
        var history = item.Items("copy_history").ToList();
        string? repostOf = null;
        if (history.Count > 0)
        {
            // copy_history[0] is the post this one re-published; each later entry is what the previous one re-published.
            repostOf = Add(history[0], authors, posts, depth + 1);
            for (var i = 1; i < history.Count; i++)
            {
                Add(history[i], authors, posts, depth + 1);
            }

            LinkChain(history, posts);
        }

        if (posts.Any(p => p.Id == id))
        {
            return id;
        }

        var text = TextNormalizer.Normalize(item.Str("text"));
        var (media, attachmentLinks) = ReadAttachments(item);
        var links = TextExtraction.Merge(attachmentLinks, TextExtraction.Links(text));
        posts.Add(new Post
        {
            Platform = PlatformKeys.Vk,
            Id = id,
            Url = $"https://vk.com/wall{id}",
            Kind = item.Str("post_type") == "reply" ? PostKinds.Comment : PostKinds.Post,
            Author = authors.For(item.Long("from_id") ?? owner),
            PublishedAt = item.Time("date"),
            Text = text,
            Language = LanguageDetection.Resolve(text),
            Community = authors.Community(owner),
            RepostOf = repostOf,
            Media = media,
            Links = links,
            Hashtags = TextExtraction.Hashtags(text),
            Metrics = new Metrics
            {
                Likes = item.Long("likes", "count"),
                Comments = item.Long("comments", "count"),
                Shares = item.Long("reposts", "count"),
                Views = item.Long("views", "count"),
            },
        });
        return id;
    }

    private static void LinkChain(List<JsonElement> history, List<Post> posts)
    {
        for (var i = 0; i + 1 < history.Count; i++)
        {
            var from = KeyOf(history[i]);
            var to = KeyOf(history[i + 1]);
            var index = posts.FindIndex(p => p.Id == from);
            if (index >= 0 && to is not null && posts[index].RepostOf is null)
            {
                posts[index] = posts[index] with { RepostOf = to };
            }
        }
    }

    private static string? KeyOf(JsonElement item) =>
        (item.Long("owner_id") ?? item.Long("from_id")) is { } o && item.Long("id") is { } n ? Key(o, n) : null;

    private static string Key(long owner, long number) =>
        owner.ToString(CultureInfo.InvariantCulture) + "_" + number.ToString(CultureInfo.InvariantCulture);

    private static (List<Media> Media, List<string> Links) ReadAttachments(JsonElement item)
    {
        var media = new List<Media>();
        var links = new List<string>();
        foreach (var attachment in item.Items("attachments"))
        {
            var type = attachment.Str("type");
            var body = type is null ? null : attachment.At(type);
            if (body is not { } b)
            {
                continue;
            }

            switch (type)
            {
                case "photo" when LargestPhoto(b) is { } url:
                    media.Add(new Media { Type = "image", Url = url });
                    break;
                case "video" when b.Long("owner_id") is { } vo && b.Long("id") is { } vi:
                    media.Add(new Media { Type = "video", Url = $"https://vk.com/video{Key(vo, vi)}" });
                    break;
                case "audio" when b.Str("url") is { } audio:
                    media.Add(new Media { Type = "audio", Url = audio });
                    break;
                case "doc" when b.Str("url") is { } doc:
                    media.Add(new Media { Type = b.Str("ext") == "gif" ? "gif" : "file", Url = doc });
                    break;
                case "link" or "article" when b.Str("url") is { } link:
                    links.Add(link);
                    break;
            }
        }

        return (media, links);
    }

    /// <summary>The widest of <c>sizes[]</c>, else the largest legacy <c>photo_NNN</c> field.</summary>
    private static string? LargestPhoto(JsonElement photo)
    {
        var best = photo.Items("sizes").OrderByDescending(s => s.Long("width") ?? 0).Select(s => s.Str("url")).FirstOrDefault(u => u is not null);
        if (best is not null)
        {
            return best;
        }

        foreach (var size in new[] { "photo_2560", "photo_1280", "photo_807", "photo_604", "photo_130", "photo_75" })
        {
            if (photo.Str(size) is { } url)
            {
                return url;
            }
        }

        return null;
    }
}
