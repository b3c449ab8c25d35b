using Collector.Model;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Facebook;

/// <summary>Where <see cref="FacebookStoryReader"/> takes each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class FacebookFieldPaths
{
    /// <summary>A mobile-basic story: the outermost element whose data-ft (or data-store linkdata) names a top-level post.</summary>
    public static FieldPaths Story { get; } = new(ParseLayers.Dom, "[data-ft] story with top_level_post_id", new Dictionary<string, string>
    {
        ["url"] = "data-ft content_owner_id_new + top_level_post_id | header a[href*='story.php' | '/permalink/']",
        ["author.id"] = "data-ft content_owner_id_new | data-store linkdata",
        ["author.handle"] = "header h3 a[href]",
        ["author.name"] = "header h3 strong a | h3 a",
        ["publishedAt"] = "data-ft page_insights.*.post_context.publish_time | data-store linkdata publish_time",
        ["text"] = "[data-ft*='\"tn\":\"*s\"'] | ._5rgt",
        ["community"] = "data-ft page_insights.*[page_id_type=group].page_id",
        ["repostOf"] = "data-ft original_content_id",
        ["media"] = "a[href*='/photos/'] img[src], ._5rgu img[src]",
        ["links"] = "the text's a[href] (l.php?u= unwrapped, off facebook.com)",
        ["metrics.shares"] = "#ufi_<id> [data-sigil=feed-ufi-sharers]",
    });

    public static FieldPaths Comment { get; } = new(ParseLayers.Dom, "[data-sigil=comment]", new Dictionary<string, string>
    {
        ["url"] = "data-store token's post id + [id]",
        ["author.handle"] = "._2b05 a[href]",
        ["author.name"] = "._2b05 | a[href] strong",
        ["text"] = "[data-sigil=comment-body]",
        ["parentId"] = "data-store token before \"_\"",
        ["rootId"] = "data-store token before \"_\"",
    });

    public static ParseResult Record(ParseResult result) =>
        Story.Record(Comment.Record(result, p => p.Kind == PostKinds.Comment), p => p.Kind != PostKinds.Comment);
}
