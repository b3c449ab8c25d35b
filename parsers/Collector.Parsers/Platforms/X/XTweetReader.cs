using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.X;

/// <summary>
/// One GraphQL tweet result (<c>tweet_results.result</c>) to posts: the tweet itself, and the original of a retweet or
/// quote as a post of its own (the retweet/quote names it in <see cref="Post.RepostOf"/>).
/// </summary>
internal sealed class XTweetReader
{
    private static readonly HashSet<string> NoLanguage = new(StringComparer.Ordinal) { "und", "zxx", "qme", "qht", "qam", "qst", "qct" };

    private readonly List<Post> _posts = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<Post> Posts => _posts;

    /// <summary>Tombstones met (deleted/withheld tweets), with their reason text.</summary>
    public List<string> Tombstones { get; } = [];

    /// <summary>Adds the tweet (and what it embeds); returns its id, or null when the result is not a readable tweet.</summary>
    public string? Add(JsonElement result, int depth = 0)
    {
        if (depth > 4)
        {
            return null;
        }

        var typename = result.Str("__typename");
        if (typename == "TweetWithVisibilityResults" && result.At("tweet") is { } inner)
        {
            result = inner;
            typename = result.Str("__typename") ?? "Tweet";
        }

        if (typename is "TweetTombstone" or "TweetUnavailable")
        {
            Tombstones.Add(result.Str("tombstone", "text", "text") ?? result.Str("reason") ?? typename);
            return null;
        }

        var legacy = result.At("legacy");
        var id = result.Str("rest_id") ?? legacy?.Str("id_str");
        if (id is null || legacy is not { } l)
        {
            return null;
        }

        string? repostOf = null;
        if ((l.At("retweeted_status_result", "result") ?? result.At("retweeted_status_result", "result")) is { } retweeted)
        {
            repostOf = Add(retweeted, depth + 1);
        }

        if (result.At("quoted_status_result", "result") is { } quoted)
        {
            repostOf ??= Add(quoted, depth + 1);
        }

        repostOf ??= l.Str("quoted_status_id_str");
        if (!_seen.Add(id))
        {
            return id;
        }

        _posts.Add(Build(result, l, id, repostOf));
        return id;
    }

    /// <summary>
    /// Adds a tweet of API v1.1 or the syndication endpoint (the same fields as GraphQL's <c>legacy</c>, the author in
    /// <c>user</c>, the original of a retweet or quote embedded as <c>retweeted_status</c>/<c>quoted_status</c>).
    /// </summary>
    public string? AddV1(JsonElement tweet, int depth = 0)
    {
        var id = tweet.Str("id_str");
        if (depth > 4 || id is null || tweet.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var repostOf = tweet.At("retweeted_status") is { } retweeted ? AddV1(retweeted, depth + 1) : null;
        repostOf ??= tweet.At("quoted_status") is { } quoted ? AddV1(quoted, depth + 1) : null;
        repostOf ??= tweet.Str("quoted_status_id_str");
        if (_seen.Add(id))
        {
            _posts.Add(Build(tweet, tweet, id, repostOf));
        }

        return id;
    }

    private static Post Build(JsonElement result, JsonElement legacy, string id, string? repostOf)
    {
        var user = result.At("core", "user_results", "result");
        var v1User = user is null ? legacy.At("user") : null;
        var handle = user?.Str("core", "screen_name") ?? user?.Str("legacy", "screen_name") ?? v1User?.Str("screen_name");
        var author = user is { } u
            ? new Author
            {
                Id = u.Str("rest_id"),
                Handle = handle,
                Name = u.Str("core", "name") ?? u.Str("legacy", "name"),
                Url = handle is null ? null : $"https://x.com/{handle}",
            }
            : v1User is { } v
                ? new Author { Id = v.Str("id_str"), Handle = handle, Name = v.Str("name"), Url = handle is null ? null : $"https://x.com/{handle}" }
                : null;

        var note = result.At("note_tweet", "note_tweet_results", "result");
        var rawText = note?.Str("text") ?? legacy.Str("full_text") ?? legacy.Str("extended_tweet", "full_text") ?? legacy.Str("text");
        var text = TextNormalizer.Normalize(System.Net.WebUtility.HtmlDecode(rawText));
        var parent = legacy.Str("in_reply_to_status_id_str");
        var conversation = legacy.Str("conversation_id_str");
        var lang = legacy.Str("lang");
        return new Post
        {
            Platform = PlatformKeys.X,
            Id = id,
            Url = handle is null ? $"https://x.com/i/status/{id}" : $"https://x.com/{handle}/status/{id}",
            Kind = parent is null ? PostKinds.Post : PostKinds.Comment,
            Author = author,
            PublishedAt = XTimes.ParseCreatedAt(legacy.Str("created_at")) ?? XTimes.FromSnowflake(id),
            Text = text,
            Language = lang is not null && !NoLanguage.Contains(lang) ? LanguageDetection.Normalize(lang) : LanguageDetection.Resolve(text),
            ParentId = parent,
            RootId = conversation is not null && conversation != id ? conversation : null,
            RepostOf = repostOf,
            Media = ReadMedia(legacy),
            Links = ReadLinks(legacy, note, text),
            Hashtags = ReadHashtags(legacy, note, text),
            Metrics = new Metrics
            {
                Likes = legacy.Long("favorite_count"),
                Comments = legacy.Long("reply_count"),
                Shares = legacy.Long("retweet_count"),
                Views = result.Long("views", "count"),
            },
        };
    }

    private static List<Media> ReadMedia(JsonElement legacy)
    {
        var list = new List<Media>();
        var source = legacy.At("extended_entities", "media") ?? legacy.At("entities", "media");
        if (source is not { ValueKind: JsonValueKind.Array } items)
        {
            return list;
        }

        foreach (var m in items.EnumerateArray())
        {
            var type = m.Str("type");
            if (type is "video" or "animated_gif")
            {
                var best = m.Items("video_info", "variants")
                    .Where(v => v.Str("content_type") == "video/mp4")
                    .OrderByDescending(v => v.Long("bitrate") ?? 0)
                    .Select(v => v.Str("url"))
                    .FirstOrDefault(u => u is not null);
                var url = best ?? m.Str("media_url_https");
                if (url is not null)
                {
                    list.Add(new Media { Type = type == "video" ? "video" : "gif", Url = url });
                }
            }
            else if ((m.Str("media_url_https") ?? m.Str("media_url")) is { } image)
            {
                list.Add(new Media { Type = "image", Url = image });
            }
        }

        return list;
    }

    /// <summary>Expanded URLs of the tweet's links; t.co links left in the text are expanded where the entities say how, media links dropped.</summary>
    private static List<string> ReadLinks(JsonElement legacy, JsonElement? note, string? text)
    {
        var expanded = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var url in legacy.Items("entities", "urls").Concat(note?.Items("entity_set", "urls") ?? []))
        {
            if (url.Str("url") is { } shortUrl)
            {
                expanded[shortUrl] = url.Str("expanded_url");
            }
        }

        foreach (var media in legacy.Items("entities", "media").Concat(legacy.Items("extended_entities", "media")))
        {
            if (media.Str("url") is { } shortUrl)
            {
                expanded[shortUrl] = null; // the attachment itself, not an outbound link
            }
        }

        if (legacy.Str("quoted_status_permalink", "url") is { } quoteShort)
        {
            expanded[quoteShort] = legacy.Str("quoted_status_permalink", "expanded");
        }

        var links = new List<string>();
        foreach (var url in legacy.Items("entities", "urls").Concat(note?.Items("entity_set", "urls") ?? []))
        {
            if (url.Str("expanded_url") is { } e && !links.Contains(e))
            {
                links.Add(e);
            }
        }

        foreach (var found in TextExtraction.Links(text))
        {
            var resolved = expanded.TryGetValue(found, out var e) ? e : found;
            if (resolved is not null && !links.Contains(resolved))
            {
                links.Add(resolved);
            }
        }

        return links;
    }

    private static IReadOnlyList<string> ReadHashtags(JsonElement legacy, JsonElement? note, string? text)
    {
        var tags = legacy.Items("entities", "hashtags").Concat(note?.Items("entity_set", "hashtags") ?? [])
            .Select(h => h.Str("text")).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return tags.Count > 0 ? tags : TextExtraction.Hashtags(text);
    }
}
