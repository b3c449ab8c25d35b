using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Instagram;

/// <summary>
/// One Instagram media object into posts, whichever generation wrote it: the GraphQL node of <c>_sharedData</c> and
/// <c>__additionalDataLoaded</c> (<c>shortcode</c>, <c>taken_at_timestamp</c>, <c>edge_media_to_caption</c>, <c>owner</c>), the
/// private-API item of <c>?__a=1</c> and xdt payloads (<c>code</c>, <c>taken_at</c>, <c>caption.text</c>, <c>user</c>), and the
/// 2013 bluebar media (<c>code</c>, <c>date</c>, <c>caption</c> as a string, <c>comments.nodes</c>).
/// </summary>
internal static class InstagramMedia
{
    /// <summary>The media itself and the comments it carries (top-level comments and their threaded replies).</summary>
    public static List<Post> Read(JsonElement media, Author? fallbackAuthor = null)
    {
        var posts = new List<Post>();
        var code = media.Str("shortcode") ?? media.Str("code");
        if (code is null)
        {
            return posts;
        }

        var owner = media.At("owner") ?? media.At("user");
        var author = owner is { } o ? ReadAuthor(o) : fallbackAuthor;
        var isVideo = media.Bool("is_video") == true || media.Long("media_type") == 2 || media.Str("product_type") == "clips";
        posts.Add(PostEnricher.Enrich(new Post
        {
            Platform = PlatformKeys.Instagram,
            Id = code,
            Url = $"https://www.instagram.com/p/{code}/",
            Kind = isVideo ? PostKinds.Video : PostKinds.Post,
            Author = author,
            PublishedAt = media.Time("taken_at_timestamp") ?? media.Time("taken_at") ?? media.Time("date"),
            Text = TextNormalizer.Normalize(media.Str("edge_media_to_caption", "edges", "0", "node", "text") ?? media.Str("caption", "text") ?? media.Str("caption")),
            Media = ReadMedia(media),
            Metrics = new Metrics
            {
                Likes = media.Long("edge_media_preview_like", "count") ?? media.Long("edge_liked_by", "count") ?? media.Long("like_count") ?? media.Long("likes", "count"),
                Comments = media.Long("edge_media_to_parent_comment", "count") ?? media.Long("edge_media_to_comment", "count")
                    ?? media.Long("edge_media_preview_comment", "count") ?? media.Long("comment_count") ?? media.Long("comments", "count"),
                Views = media.Long("video_view_count") ?? media.Long("view_count") ?? media.Long("play_count"),
            },
        }));

        var comments = media.Items("edge_media_to_parent_comment", "edges").Select(e => e.At("node") ?? e)
            .Concat(media.Items("comments", "nodes"))
            .Concat(media.Items("preview_comments"));
        foreach (var comment in comments)
        {
            AddComment(posts, comment, code, code);
            foreach (var reply in comment.Items("edge_threaded_comments", "edges"))
            {
                if (reply.At("node") is { } node)
                {
                    AddComment(posts, node, comment.Str("id") ?? code, code);
                }
            }
        }

        return posts;
    }

    /// <summary>An account as a profile post ("user:HANDLE"), as every Instagram profile page yields it.</summary>
    public static Post Profile(string handle, Author author) => new()
    {
        Platform = PlatformKeys.Instagram,
        Id = "user:" + handle,
        Url = author.Url,
        Kind = PostKinds.Profile,
        Author = author,
        Title = author.Name,
    };

    public static Author? ReadAuthor(JsonElement owner)
    {
        var handle = owner.Str("username");
        var id = owner.Str("id") ?? owner.Str("pk");
        return handle is null && id is null
            ? null
            : new Author { Id = id, Handle = handle, Name = owner.Str("full_name"), Url = handle is null ? null : $"https://www.instagram.com/{handle}/" };
    }

    private static void AddComment(List<Post> posts, JsonElement comment, string parentId, string rootId)
    {
        var id = comment.Str("id") ?? comment.Str("pk");
        if (id is null || posts.Any(p => p.Id == id))
        {
            return;
        }

        posts.Add(PostEnricher.Enrich(new Post
        {
            Platform = PlatformKeys.Instagram,
            Id = id,
            Kind = PostKinds.Comment,
            Author = (comment.At("owner") ?? comment.At("user")) is { } o ? ReadAuthor(o) : null,
            PublishedAt = comment.Time("created_at"),
            Text = TextNormalizer.Normalize(comment.Str("text")),
            ParentId = parentId,
            RootId = rootId,
            Metrics = new Metrics { Likes = comment.Long("edge_liked_by", "count") ?? comment.Long("comment_like_count") },
        }));
    }

    private static List<Media> ReadMedia(JsonElement media)
    {
        var list = new List<Media>();
        var children = media.Items("edge_sidecar_to_children", "edges").Select(e => e.At("node") ?? e).Concat(media.Items("carousel_media")).ToList();
        foreach (var item in children.Count > 0 ? children : [media])
        {
            var video = item.Str("video_url") ?? item.Str("video_versions", "0", "url");
            var image = item.Str("display_url") ?? item.Str("display_src") ?? item.Str("image_versions2", "candidates", "0", "url");
            if (video is not null)
            {
                list.Add(new Media { Type = "video", Url = video });
            }
            else if (image is not null)
            {
                list.Add(new Media { Type = "image", Url = image });
            }
        }

        return list;
    }
}
