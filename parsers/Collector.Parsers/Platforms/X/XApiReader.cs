using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.X;

/// <summary>
/// X JSON other than web GraphQL: API v1.1 (a top-level array of tweets, <c>statuses[]</c> of search, one tweet), API v2
/// (<c>data</c> with <c>includes.users</c> when expanded; without fields only id and text, the time then from the snowflake),
/// the syndication tweet (<c>__typename: Tweet</c>) and oEmbed (<c>html</c> blockquote).
/// </summary>
internal static class XApiReader
{
    /// <summary>The result for a JSON body of one of these shapes, or null when it is none of them (GraphQL then).</summary>
    public static ParseResult? TryRead(PageInput page, JsonElement root, XParser parser)
    {
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 && root[0].Str("id_str") is not null)
        {
            return V1(root.EnumerateArray(), null, parser, "v1.1 tweet array");
        }

        if (root.At("statuses") is { ValueKind: JsonValueKind.Array } statuses)
        {
            var next = root.Str("search_metadata", "next_results") is { } q && Urls.Resolve(page.Url, page.Url.AbsolutePath + q) is { } u
                ? new FollowLink(u, FollowKind.NextPage)
                : null;
            return V1(statuses.EnumerateArray(), next, parser, "v1.1 search statuses[]");
        }

        if (root.ValueKind == JsonValueKind.Object && root.Str("id_str") is not null && (root.Str("full_text") ?? root.Str("text")) is not null)
        {
            var layer = root.Str("__typename") == "Tweet" ? "syndication tweet" : "v1.1 tweet";
            var result = V1([root], null, parser, layer);
            return result with { Subject = new PostKey(PlatformKeys.X, root.Str("id_str")!) };
        }

        if (root.At("data") is { } data && (data.ValueKind == JsonValueKind.Array || data.Str("text") is not null) && !HasGraphQl(data))
        {
            return V2(page, root, data, parser);
        }

        if (OEmbed.Is(root))
        {
            var url = root.Str("url");
            var id = url?.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s != "status").Skip(1).FirstOrDefault();
            var post = OEmbed.Read(root, PlatformKeys.X, id, url);
            return post is null
                ? parser.Result(PageOutcome.Unrecognized, "oEmbed without a status URL")
                : Named(parser.Result([post with { PublishedAt = XTimes.FromSnowflake(id) }], [], post.Key), ParseLayers.OEmbed);
        }

        return null;
    }

    private static bool HasGraphQl(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && (data.At("user") is not null || data.At("tweetResult") is not null || data.Str("text") is null);

    private static ParseResult V1(IEnumerable<JsonElement> tweets, FollowLink? next, XParser parser, string layer)
    {
        var reader = new XTweetReader();
        foreach (var tweet in tweets)
        {
            reader.AddV1(tweet);
        }

        var result = Named(parser.Result(reader.Posts, next is null ? [] : [next], null, reader.Posts.Count == 0 ? "no readable tweets" : null), ParseLayers.At(ParseLayers.ApiJson, layer));
        return new FieldPaths(ParseLayers.ApiJson, layer, V1Paths).Record(result);
    }

    /// <summary>Where <see cref="XTweetReader.AddV1"/> takes each field of a v1.1 tweet object (for <c>parse --explain</c>).</summary>
    private static readonly Dictionary<string, string> V1Paths = new()
    {
        ["url"] = "user.screen_name + id_str",
        ["author.id"] = "user.id_str",
        ["author.handle"] = "user.screen_name",
        ["author.name"] = "user.name",
        ["author.url"] = "user.screen_name",
        ["publishedAt"] = "created_at | id_str (snowflake time)",
        ["text"] = "full_text | extended_tweet.full_text | text",
        ["language"] = "lang | detected from the text",
        ["parentId"] = "in_reply_to_status_id_str",
        ["rootId"] = "conversation_id_str",
        ["repostOf"] = "retweeted_status | quoted_status | quoted_status_id_str",
        ["media"] = "extended_entities.media | entities.media",
        ["links"] = "entities.urls | the text",
        ["hashtags"] = "entities.hashtags | the text",
        ["metrics.likes"] = "favorite_count",
        ["metrics.comments"] = "reply_count",
        ["metrics.shares"] = "retweet_count",
    };

    private static ParseResult V2(PageInput page, JsonElement root, JsonElement data, XParser parser)
    {
        var users = root.Items("includes", "users").Where(u => u.Str("id") is not null).ToDictionary(u => u.Str("id")!, StringComparer.Ordinal);
        var posts = new List<Post>();
        foreach (var tweet in data.ValueKind == JsonValueKind.Array ? data.EnumerateArray().ToList() : [data])
        {
            var id = tweet.Str("id");
            if (id is null || posts.Any(p => p.Id == id))
            {
                continue;
            }

            var authorId = tweet.Str("author_id");
            var user = authorId is not null && users.TryGetValue(authorId, out var u) ? u : (JsonElement?)null;
            var handle = user?.Str("username");
            var refs = tweet.Items("referenced_tweets").ToList();
            string? Ref(string type) => refs.FirstOrDefault(r => r.Str("type") == type) is { ValueKind: JsonValueKind.Object } r ? r.Str("id") : null;
            var parent = Ref("replied_to");
            var conversation = tweet.Str("conversation_id");
            posts.Add(PostEnricher.Enrich(new Post
            {
                Platform = PlatformKeys.X,
                Id = id,
                Url = handle is null ? $"https://x.com/i/status/{id}" : $"https://x.com/{handle}/status/{id}",
                Kind = parent is null ? PostKinds.Post : PostKinds.Comment,
                Author = authorId is null ? null : new Author { Id = authorId, Handle = handle, Name = user?.Str("name"), Url = handle is null ? null : $"https://x.com/{handle}" },
                PublishedAt = Times.Parse(tweet.Str("created_at")) ?? XTimes.FromSnowflake(id),
                Text = TextNormalizer.Normalize(System.Net.WebUtility.HtmlDecode(tweet.Str("note_tweet", "text") ?? tweet.Str("text"))),
                Language = LanguageDetection.Normalize(tweet.Str("lang")),
                ParentId = parent,
                RootId = conversation is not null && conversation != id ? conversation : null,
                RepostOf = Ref("retweeted") ?? Ref("quoted"),
                Metrics = new Metrics
                {
                    Likes = tweet.Long("public_metrics", "like_count"),
                    Comments = tweet.Long("public_metrics", "reply_count"),
                    Shares = tweet.Long("public_metrics", "retweet_count"),
                    Views = tweet.Long("public_metrics", "impression_count"),
                },
            }));
        }

        var next = root.Str("meta", "next_token") is { } token ? new[] { new FollowLink(Urls.WithQuery(page.Url, "pagination_token", token), FollowKind.NextPage) } : [];
        PostKey? subject = data.ValueKind == JsonValueKind.Object && posts.Count > 0 ? posts[0].Key : null;
        return XFieldPaths.V2.Apply(parser.Result(posts, next, subject, posts.Count == 0 ? "v2 data without tweets" : null));
    }

    private static ParseResult Named(ParseResult result, string layer) =>
        result.ReadBy(layer);
}
