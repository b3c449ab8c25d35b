using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.YouTube;

/// <summary>
/// InnerTube <c>/next</c> comment responses of both generations: the 2024+ entity format
/// (<c>frameworkUpdates.entityBatchUpdate.mutations[].payload.commentEntityPayload</c>: <c>properties.commentId</c>,
/// <c>content.content</c>, <c>author</c>, <c>toolbar</c>) and the older <c>commentThreadRenderer.comment.commentRenderer</c>.
/// Times are relative text ("2 years ago") in both, so none is read. A reply's id is "parentId.replyId".
/// </summary>
internal static class YouTubeCommentReader
{
    public static bool Has(JsonElement root) =>
        root.At("frameworkUpdates", "entityBatchUpdate", "mutations") is not null || root.At("onResponseReceivedEndpoints") is not null;

    public static List<Post> Read(JsonElement root)
    {
        var video = root.DescendantObjects().Select(o => o.Str("videoId")).FirstOrDefault(v => v is not null);
        var posts = new List<Post>();
        foreach (var mutation in root.Items("frameworkUpdates", "entityBatchUpdate", "mutations"))
        {
            if (mutation.At("payload", "commentEntityPayload") is not { } c || c.Str("properties", "commentId") is not { } id)
            {
                continue;
            }

            var handle = c.Str("author", "displayName");
            Add(posts, video, id, new Author
            {
                Id = c.Str("author", "channelId"),
                Handle = handle?.TrimStart('@'),
                Name = handle,
                Url = c.Str("author", "channelId") is { } channel ? $"https://www.youtube.com/channel/{channel}" : null,
            }, c.Str("properties", "content", "content"), Counts.Parse(c.Str("toolbar", "likeCountNotliked")), Counts.Parse(c.Str("toolbar", "replyCount")));
        }

        if (posts.Count == 0)
        {
            foreach (var renderer in root.DescendantObjects().Select(o => o.At("commentRenderer")).OfType<JsonElement>())
            {
                if (renderer.Str("commentId") is { } id)
                {
                    var text = string.Concat(renderer.Items("contentText", "runs").Select(r => r.Str("text")));
                    var name = renderer.Str("authorText", "simpleText");
                    var channel = renderer.Str("authorEndpoint", "browseEndpoint", "browseId");
                    Add(posts, video, id, new Author { Id = channel, Handle = name?.StartsWith('@') == true ? name[1..] : null, Name = name, Url = channel is null ? null : $"https://www.youtube.com/channel/{channel}" },
                        text, Counts.Parse(renderer.Str("voteCount", "simpleText")), renderer.Long("replyCount"));
                }
            }
        }

        return posts;
    }

    private static void Add(List<Post> posts, string? video, string id, Author author, string? text, long? likes, long? replies)
    {
        if (posts.Any(p => p.Id == id))
        {
            return;
        }

        var dot = id.IndexOf('.', StringComparison.Ordinal);
        posts.Add(PostEnricher.Enrich(new Post
        {
            Platform = PlatformKeys.YouTube,
            Id = id,
            Url = video is null ? null : $"https://www.youtube.com/watch?v={video}&lc={id}",
            Kind = PostKinds.Comment,
            Author = author,
            Text = TextNormalizer.Normalize(text),
            ParentId = dot > 0 ? id[..dot] : video,
            RootId = video,
            Metrics = new Metrics { Likes = likes, Comments = replies },
        }));
    }
}
