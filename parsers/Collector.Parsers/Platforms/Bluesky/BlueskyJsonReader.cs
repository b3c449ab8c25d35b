using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Bluesky;

/// <summary>AppView JSON: <c>thread</c> (getPostThread, with parent and replies), <c>feed[]</c> (getAuthorFeed, reposts via <c>reason</c>), <c>posts[]</c>.</summary>
internal static class BlueskyJsonReader
{
    public static ParseResult Read(JsonElement root, Uri url, BlueskyParser parser)
    {
        if (root.Str("error") is { } error)
        {
            var message = root.Str("message") ?? error;
            var outcome = error switch
            {
                "NotFound" or "ProfileNotFound" => PageOutcome.NotFound,
                "AccountTakedown" or "AccountDeactivated" => PageOutcome.Removed,
                "RateLimitExceeded" => PageOutcome.RateLimited,
                "AuthMissing" or "AuthenticationRequired" or "ExpiredToken" => PageOutcome.LoginWall,
                _ when message.Contains("not found", StringComparison.OrdinalIgnoreCase) => PageOutcome.NotFound,
                _ => PageOutcome.Unrecognized,
            };
            return parser.Result(outcome, $"{error}: {message}");
        }

        var posts = new List<Post>();
        var next = new List<FollowLink>();
        PostKey? subject = null;
        if (root.At("thread") is { } thread)
        {
            var type = thread.Str("$type") ?? string.Empty;
            if (type.EndsWith("notFoundPost", StringComparison.Ordinal) || type.EndsWith("blockedPost", StringComparison.Ordinal))
            {
                return parser.Result(type.EndsWith("notFoundPost", StringComparison.Ordinal) ? PageOutcome.NotFound : PageOutcome.LoginWall, type);
            }

            AddThread(thread, posts, 0);
            subject = thread.Str("post", "uri") is { } uri ? new PostKey(PlatformKeys.Bluesky, uri) : null;
        }
        else if (root.At("feed") is { ValueKind: JsonValueKind.Array } feed)
        {
            foreach (var item in feed.EnumerateArray())
            {
                if (item.At("post") is not { } p || Read(p) is not { } post)
                {
                    continue;
                }

                Add(posts, post);
                if (item.Str("reason", "$type")?.EndsWith("reasonRepost", StringComparison.Ordinal) == true && item.At("reason", "by") is { } by)
                {
                    var handle = by.Str("handle");
                    Add(posts, new Post
                    {
                        Platform = PlatformKeys.Bluesky,
                        Id = $"repost:{by.Str("did")}:{post.Id}",
                        Url = post.Url,
                        Author = new Author { Id = by.Str("did"), Handle = handle, Name = by.Str("displayName"), Url = $"https://bsky.app/profile/{handle}" },
                        PublishedAt = item.Time("reason", "indexedAt"),
                        RepostOf = post.Id,
                    });
                }
            }
        }
        else if (root.At("posts") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var p in list.EnumerateArray())
            {
                if (Read(p) is { } post)
                {
                    Add(posts, post);
                }
            }
        }
        else
        {
            return parser.Result(PageOutcome.Unrecognized, "no thread, feed or posts in the JSON");
        }

        if (root.Str("cursor") is { } cursor && posts.Count > 0)
        {
            // The feed endpoint pages by cursor; the request's own URL carries the other parameters (actor, limit).
            next.Add(new FollowLink(Urls.WithQuery(url, "cursor", cursor), FollowKind.NextPage));
        }

        return parser.Result(posts, next, subject);
    }

    private static void AddThread(JsonElement thread, List<Post> posts, int depth)
    {
        if (depth > 200)
        {
            return;
        }

        if (thread.At("parent") is { } parent && depth == 0)
        {
            AddParents(parent, posts);
        }

        if (thread.At("post") is { } p && Read(p) is { } post)
        {
            Add(posts, post);
        }

        foreach (var reply in thread.Items("replies"))
        {
            AddThread(reply, posts, depth + 1);
        }
    }

    private static void AddParents(JsonElement parent, List<Post> posts)
    {
        for (var (current, guard) = (parent, 0); guard < 200; guard++)
        {
            if (current.At("post") is { } p && Read(p) is { } post)
            {
                Add(posts, post);
            }

            if (current.At("parent") is not { } up)
            {
                break;
            }

            current = up;
        }
    }

    private static void Add(List<Post> posts, Post post)
    {
        if (posts.All(p => p.Id != post.Id))
        {
            posts.Add(post);
        }
    }

    private static Post? Read(JsonElement post)
    {
        var uri = post.Str("uri");
        if (uri is null || !uri.StartsWith("at://", StringComparison.Ordinal) || uri.Split('/').Length < 5)
        {
            return null;
        }

        var author = post.At("author");
        var handle = author?.Str("handle");
        var record = post.At("record");
        var text = TextNormalizer.Normalize(record?.Str("text"));
        var parent = record?.Str("reply", "parent", "uri");
        var links = record?.Items("facets").SelectMany(f => f.Items("features")).Select(f => f.Str("uri")).OfType<string>().ToList() ?? [];
        if (record?.Str("embed", "external", "uri") is { } external)
        {
            links.Add(external);
        }

        var images = post.Items("embed", "images").Select(i => i.Str("fullsize")).OfType<string>()
            .Select(u => new Media { Type = "image", Url = u }).ToList();
        var langs = record?.Items("langs").Select(l => l.GetString()).FirstOrDefault();
        return PostEnricher.Enrich(new Post
        {
            Platform = PlatformKeys.Bluesky,
            Id = uri,
            Url = BlueskyParser.PostUrl(handle, uri),
            Kind = parent is null ? PostKinds.Post : PostKinds.Comment,
            Author = author is { } a ? new Author { Id = a.Str("did"), Handle = handle, Name = a.Str("displayName"), Url = $"https://bsky.app/profile/{handle}" } : null,
            PublishedAt = record?.Time("createdAt") ?? post.Time("indexedAt"),
            Text = text,
            Language = LanguageDetection.Normalize(langs),
            ParentId = parent,
            RootId = record?.Str("reply", "root", "uri") is { } root && root != uri ? root : null,
            RepostOf = record?.Str("embed", "record", "uri") ?? record?.Str("embed", "record", "record", "uri"),
            Media = images,
            Links = links.Distinct(StringComparer.Ordinal).ToList(),
            Hashtags = record?.Items("facets").SelectMany(f => f.Items("features")).Select(f => f.Str("tag")).OfType<string>().ToList() ?? [],
            Metrics = new Metrics
            {
                Likes = post.Long("likeCount"),
                Comments = post.Long("replyCount"),
                Shares = post.Long("repostCount"),
            },
        });
    }
}
