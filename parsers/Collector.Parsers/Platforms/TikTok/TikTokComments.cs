using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.TikTok;

/// <summary>
/// The first page of comments a 2022 <c>SIGI_STATE</c> video page carries: <c>CommentItem[cid]</c> (<c>text</c>,
/// <c>create_time</c> in snake_case, <c>user</c> as a handle looked up in <c>UserModule.users</c>, <c>reply_id</c> "0" for a
/// top-level comment).
/// </summary>
internal static class TikTokComments
{
    public static IEnumerable<Post> Read(JsonElement state)
    {
        foreach (var entry in state.Properties("CommentItem"))
        {
            var c = entry.Value;
            var id = c.Str("cid") ?? entry.Name;
            var video = c.Str("aweme_id");
            if (video is null)
            {
                continue;
            }

            var handle = c.At("user") is { ValueKind: JsonValueKind.String } u ? u.GetString() : c.Str("user", "unique_id");
            var user = handle is null ? null : state.At("UserModule", "users", handle);
            var reply = c.Str("reply_id");
            yield return PostEnricher.Enrich(new Post
            {
                Platform = PlatformKeys.TikTok,
                Id = id,
                Kind = PostKinds.Comment,
                Author = handle is null ? null : new Author
                {
                    Id = user?.Str("id") ?? c.Str("user", "uid"),
                    Handle = handle,
                    Name = user?.Str("nickname") ?? c.Str("user", "nickname"),
                    Url = $"https://www.tiktok.com/@{handle}",
                },
                PublishedAt = c.Time("create_time"),
                Text = TextNormalizer.Normalize(c.Str("text")),
                ParentId = reply is null or "0" ? video : reply,
                RootId = video,
                Metrics = new Metrics { Likes = c.Long("digg_count"), Comments = c.Long("reply_comment_total") },
            });
        }
    }
}
