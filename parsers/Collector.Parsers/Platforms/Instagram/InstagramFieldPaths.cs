using Collector.Model;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Instagram;

/// <summary>Where each Instagram reader takes each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class InstagramFieldPaths
{
    /// <summary><see cref="InstagramMedia.Read"/>: a media object of any generation (GraphQL node, private-API item, 2013 bluebar media).</summary>
    private static readonly Dictionary<string, string> Media = new()
    {
        ["url"] = "shortcode | code",
        ["author.id"] = "(owner | user).(id | pk)",
        ["author.handle"] = "(owner | user).username",
        ["author.name"] = "(owner | user).full_name",
        ["publishedAt"] = "taken_at_timestamp | taken_at | date",
        ["text"] = "edge_media_to_caption.edges[0].node.text | caption.text | caption",
        ["media"] = "(edge_sidecar_to_children.edges[].node | carousel_media[] | the media).(video_url | video_versions[0].url | display_url | display_src | image_versions2.candidates[0].url)",
        ["metrics.likes"] = "edge_media_preview_like.count | edge_liked_by.count | like_count | likes.count",
        ["metrics.comments"] = "edge_media_to_parent_comment.count | edge_media_to_comment.count | edge_media_preview_comment.count | comment_count | comments.count",
        ["metrics.views"] = "video_view_count | view_count | play_count",
    };

    private static readonly Dictionary<string, string> Comment = new()
    {
        ["author.id"] = "(owner | user).(id | pk)",
        ["author.handle"] = "(owner | user).username",
        ["author.name"] = "(owner | user).full_name",
        ["publishedAt"] = "created_at",
        ["text"] = "text",
        ["parentId"] = "the comment whose edge_threaded_comments holds it | the media's shortcode",
        ["rootId"] = "the media's shortcode",
        ["metrics.likes"] = "edge_liked_by.count | comment_like_count",
    };

    private static readonly Dictionary<string, string> Profile = new()
    {
        ["url"] = "username",
        ["author.id"] = "id | pk",
        ["author.handle"] = "username",
        ["author.name"] = "full_name",
        ["title"] = "full_name",
        ["text"] = "biography",
    };

    /// <summary>og:description "N likes, N comments - handle on Month d, yyyy: "caption"" with the media id of al:ios:url.</summary>
    public static FieldPaths Description { get; } = new(ParseLayers.Meta, "og:description | description", new Dictionary<string, string>
    {
        ["url"] = "the page URL's /p/<shortcode>",
        ["author.id"] = "\"media_owner_id\" in the page",
        ["author.handle"] = "\"- handle on\"",
        ["author.name"] = "twitter:title before \" (@\"",
        ["publishedAt"] = "al:ios:url media?id= (id time) | \"on Month d, yyyy\"",
        ["text"] = "the quoted caption after the date",
        ["media"] = "og:video | og:image",
        ["metrics.likes"] = "\"N likes\"",
        ["metrics.comments"] = "\"N comments\"",
    });

    public static FieldPaths SharedPost { get; } = new(ParseLayers.Meta, "description \"Name shared a post on Instagram: …\"", new Dictionary<string, string>
    {
        ["url"] = "the page URL's /p/<shortcode>",
        ["author.handle"] = "twitter:title \"Name (@handle)\"",
        ["author.name"] = "\"Name shared a post\"",
        ["publishedAt"] = "al:ios:url | al:android:url media?id= (id time)",
        ["text"] = "the quoted caption",
        ["media"] = "og:image",
    });

    public static FieldPaths LegacyPhoto { get; } = new(ParseLayers.Dom, "instagr.am photo page (2011)", new Dictionary<string, string>
    {
        ["url"] = "the page URL's /p/<shortcode>",
        ["author.handle"] = "p.username",
        ["text"] = "div.caption",
        ["media"] = "meta[og:image]",
        ["metrics.likes"] = "\"Likes · N\"",
    });

    public static FieldPaths ProfileDescription { get; } = new(ParseLayers.Meta, "og:description | description", new Dictionary<string, string>
    {
        ["url"] = "\"(@handle)\"",
        ["author.handle"] = "\"See Instagram photos and videos from Name (@handle)\"",
        ["author.name"] = "\"from Name (@handle)\"",
        ["title"] = "\"from Name (@handle)\"",
    });

    public static FieldPaths ProfileTitle { get; } = new(ParseLayers.Meta, "<title> \"Name (@handle) • Instagram\"", new Dictionary<string, string>
    {
        ["url"] = "\"(@handle)\"",
        ["author.id"] = "\"profile_id\" in the page",
        ["author.handle"] = "\"(@handle)\"",
        ["author.name"] = "\"Name (@handle)\"",
        ["title"] = "\"Name (@handle)\"",
    });

    /// <summary>A state or API read (<see cref="InstagramRead"/>): its layer, with the media, comment or user paths per post.</summary>
    public static ParseResult Record(ParseResult result, string parsedBy)
    {
        var layer = ParseLayers.LayerOf(parsedBy);
        var where = parsedBy.Length > layer.Length + 2 ? parsedBy[(layer.Length + 2)..] : null;
        result = new FieldPaths(layer, Root(where, "user"), Profile).Record(result, p => p.Kind == PostKinds.Profile);
        result = new FieldPaths(layer, Root(where, "comment"), Comment).Record(result, p => p.Kind == PostKinds.Comment);
        return new FieldPaths(layer, Root(where, "media"), Media).Record(result, p => p.Kind is not (PostKinds.Profile or PostKinds.Comment));
    }

    private static string Root(string? where, string what) => where is null ? what : $"{where} → {what}";
}
