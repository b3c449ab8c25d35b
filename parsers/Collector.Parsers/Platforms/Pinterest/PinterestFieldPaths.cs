using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Pinterest;

/// <summary>Where each Pinterest reader takes each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class PinterestFieldPaths
{
    /// <summary>
    /// <see cref="PinterestPin"/>: a pin object, camelCase in relay responses and snake_case in the redux state; every
    /// copy of the pin on the page is looked at, the first non-empty value wins.
    /// </summary>
    public static FieldPaths State { get; } = new(
        ParseLayers.StateJson,
        "script[data-relay-response] response.data.v3GetPinQuery.data | __PWS_INITIAL_PROPS__ / __PWS_DATA__ initialReduxState.pins.<id>",
        new Dictionary<string, string>
        {
            ["url"] = "seoUrl | seo_url | /pin/<entityId | id>/",
            ["author.id"] = "pinner.(entityId | id)",
            ["author.handle"] = "pinner.username",
            ["author.name"] = "pinner.(fullName | full_name)",
            ["publishedAt"] = "createdAt | created_at",
            ["title"] = "title | gridTitle | grid_title",
            ["text"] = "closeupUnifiedDescription | closeup_unified_description | description",
            ["community"] = "board.name",
            ["repostOf"] = "isRepin | is_repin with (originPinner | origin_pinner | nativeCreator | native_creator).username",
            ["media"] = "(videos | storyPinData | story_pin_data) …url (.mp4 | .m3u8), imageSpec_orig.url | images.orig.url | imageLargeUrl | imageSpec_736x.url",
            ["links"] = "link (off pinterest), URLs in the description",
            ["metrics.comments"] = "aggregatedPinData.commentCount | aggregated_pin_data.comment_count",
            ["metrics.shares"] = "shareCount | share_count",
            ["metrics.likes"] = "totalReactionCount | reaction_counts.1",
            ["metrics.score"] = "aggregatedPinData.aggregatedStats.saves | aggregated_pin_data.aggregated_stats.saves",
        });

    /// <summary>A pin page without embedded state: its meta tags.</summary>
    public static FieldPaths Meta { get; } = new(ParseLayers.Meta, null, new Dictionary<string, string>
    {
        ["url"] = "link[rel=alternate] ios-app://…/pin/<id> | the page URL's /pin/<id>",
        ["title"] = "meta[og:title]",
        ["text"] = "meta[og:description | description]",
        ["media"] = "meta[og:video | og:image]",
        ["links"] = "meta[og:see_also], URLs in the description",
    });
}
