using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Vk;

/// <summary>Where <see cref="VkPostReader"/> takes each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class VkFieldPaths
{
    /// <summary>A wall item of an API response (wall.get, wall.getById, newsfeed), its copy_history entries included.</summary>
    public static FieldPaths Item { get; } = new(ParseLayers.ApiJson, "response.items[] (and each copy_history[])", new Dictionary<string, string>
    {
        ["url"] = "(owner_id | source_id | from_id) + (id | post_id)",
        ["author.id"] = "from_id | owner_id",
        ["author.handle"] = "response.(profiles | groups)[id = from_id].screen_name | \"id\"/\"club\" + id",
        ["author.name"] = "response.profiles[].(first_name last_name) | response.groups[].name",
        ["publishedAt"] = "date",
        ["text"] = "text",
        ["community"] = "response.groups[id = -owner_id].screen_name",
        ["repostOf"] = "copy_history[0] | the next copy_history entry",
        ["media"] = "attachments[].(photo.sizes[widest].url | photo_NNN | video owner_id + id | audio.url | doc.url)",
        ["links"] = "attachments[].(link | article).url, URLs in text",
        ["metrics.likes"] = "likes.count",
        ["metrics.comments"] = "comments.count",
        ["metrics.shares"] = "reposts.count",
        ["metrics.views"] = "views.count",
    });
}
