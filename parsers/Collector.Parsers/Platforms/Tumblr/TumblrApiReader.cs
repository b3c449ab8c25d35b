using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Tumblr;

/// <summary>
/// Tumblr API v2 <c>/posts</c> JSON (<c>{meta, response:{blog, posts[]}}</c>), legacy format (<c>caption</c>/<c>body</c> HTML,
/// <c>photos[].original_size</c>, <c>timestamp</c>) and NPF (<c>content[]</c> blocks); a reblog names its source in
/// <c>reblogged_from_id</c>.
/// </summary>
internal static class TumblrApiReader
{
    /// <summary>Where <see cref="Read"/> takes each field (for <c>parse --explain</c>).</summary>
    public static FieldPaths Paths { get; } = new(ParseLayers.ApiJson, "response.posts[]", new Dictionary<string, string>
    {
        ["url"] = "post_url",
        ["author"] = "blog_name | blog.name",
        ["publishedAt"] = "timestamp | date",
        ["title"] = "title",
        ["text"] = "content[type=text].text | body | caption | text | description",
        ["repostOf"] = "reblogged_from_id",
        ["hashtags"] = "tags[]",
        ["media"] = "photos[].original_size.url, content[type=image].media[0].url, video_url",
        ["language"] = "detected from the text",
    });

    public static List<Post>? Read(JsonElement root)
    {
        if (root.At("response", "posts") is not { ValueKind: JsonValueKind.Array } items)
        {
            return null;
        }

        var posts = new List<Post>();
        foreach (var p in items.EnumerateArray())
        {
            var id = p.Str("id_string") ?? p.Str("id");
            var blog = p.Str("blog_name") ?? p.Str("blog", "name");
            if (id is null)
            {
                continue;
            }

            var html = p.Str("body") ?? p.Str("caption") ?? p.Str("text") ?? p.Str("description");
            var npf = string.Join("\n", p.Items("content").Where(b => b.Str("type") == "text").Select(b => b.Str("text")).OfType<string>());
            var media = p.Items("photos").Select(ph => ph.Str("original_size", "url")).OfType<string>().Select(u => new Media { Type = "image", Url = u })
                .Concat(p.Items("content").Where(b => b.Str("type") is "image").Select(b => b.Str("media", "0", "url")).OfType<string>().Select(u => new Media { Type = "image", Url = u }))
                .ToList();
            if (p.Str("video_url") is { } video)
            {
                media.Add(new Media { Type = "video", Url = video });
            }

            posts.Add(PostEnricher.Enrich(new Post
            {
                Platform = PlatformKeys.Tumblr,
                Id = id,
                Url = p.Str("post_url"),
                Kind = p.Str("type") == "video" ? PostKinds.Video : PostKinds.Post,
                Author = blog is null ? null : new Author { Handle = blog, Name = blog, Url = $"https://{blog}.tumblr.com/" },
                PublishedAt = p.Time("timestamp") ?? Times.Parse(p.Str("date")),
                Title = TextNormalizer.OneLine(p.Str("title")),
                Text = npf.Length > 0 ? TextNormalizer.Normalize(npf) : HtmlText.ToPlainText(html),
                RepostOf = p.Str("reblogged_from_id"),
                Hashtags = [.. p.Items("tags").Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)],
                Media = media,
            }));
        }

        return posts;
    }
}
