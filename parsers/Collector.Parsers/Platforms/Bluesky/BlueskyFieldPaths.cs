using Collector.Model;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Bluesky;

/// <summary>Where each Bluesky reader takes each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class BlueskyFieldPaths
{
    /// <summary><see cref="BlueskyJsonReader"/>: a post view of getPostThread (thread.post, parents, replies), getAuthorFeed or getPosts.</summary>
    public static FieldPaths PostView { get; } = new(ParseLayers.ApiJson, "thread(.parent | .replies[])*.post | feed[].post | posts[]", new Dictionary<string, string>
    {
        ["url"] = "author.handle + uri's rkey",
        ["author.id"] = "author.did",
        ["author.handle"] = "author.handle",
        ["author.name"] = "author.displayName",
        ["publishedAt"] = "record.createdAt | indexedAt",
        ["text"] = "record.text",
        ["language"] = "record.langs[0] | detected from the text",
        ["parentId"] = "record.reply.parent.uri",
        ["rootId"] = "record.reply.root.uri",
        ["repostOf"] = "record.embed.record.uri | record.embed.record.record.uri",
        ["media"] = "embed.images[].fullsize",
        ["links"] = "record.facets[].features[].uri, record.embed.external.uri",
        ["hashtags"] = "record.facets[].features[].tag | #tags in the text",
        ["metrics.likes"] = "likeCount",
        ["metrics.comments"] = "replyCount",
        ["metrics.shares"] = "repostCount",
    });

    /// <summary>A repost in an author feed: the feed item's reason names who reposted and when.</summary>
    public static FieldPaths Repost { get; } = new(ParseLayers.ApiJson, "feed[].reason (reasonRepost)", new Dictionary<string, string>
    {
        ["url"] = "feed[].post's URL",
        ["author.id"] = "by.did",
        ["author.handle"] = "by.handle",
        ["author.name"] = "by.displayName",
        ["publishedAt"] = "indexedAt",
        ["repostOf"] = "feed[].post.uri",
    });

    /// <summary><see cref="BlueskyPageReader"/>: the noscript summary bsky.app serves with a post page.</summary>
    public static FieldPaths Summary { get; } = new(ParseLayers.Dom, "noscript summary", new Dictionary<string, string>
    {
        ["url"] = "#bsky_handle + link[rel=alternate] at:// URI | #bsky_did + the URL's rkey",
        ["author.id"] = "#bsky_did",
        ["author.handle"] = "#bsky_handle",
        ["author.name"] = "#bsky_display_name",
        ["publishedAt"] = "#bsky_post_indexedat | meta[twitter:label N = \"Posted At\"] twitter:value N",
        ["text"] = "#bsky_post_text",
        ["media"] = "meta[og:image] (not avatars)",
    });

    public static FieldPaths ProfileSummary { get; } = new(ParseLayers.Dom, "noscript summary", new Dictionary<string, string>
    {
        ["url"] = "#bsky_handle | #bsky_did",
        ["author.id"] = "#bsky_did",
        ["author.handle"] = "#bsky_handle",
        ["author.name"] = "#bsky_display_name",
        ["title"] = "#bsky_display_name",
        ["text"] = "#bsky_profile_description",
    });

    /// <summary><see cref="BlueskyThreadDomReader"/>: a browser-rendered thread.</summary>
    public static FieldPaths Thread { get; } = new(ParseLayers.Dom, "[data-testid^=postThreadItem-by-]", new Dictionary<string, string>
    {
        ["url"] = "a[href=/profile/<handle>/post/<rkey>][data-tooltip] | the page URL (focal post)",
        ["author.id"] = "did:plc:… in the avatar URL",
        ["author.handle"] = "[data-testid=postThreadItem-by-<handle>]",
        ["author.name"] = "a[aria-label=\"View profile\"]",
        ["text"] = "div[data-word-wrap=1]",
        ["rootId"] = "the thread's first item | the page's post",
        ["metrics.likes"] = "[data-testid=likeCount]",
        ["metrics.shares"] = "[data-testid=repostCount]",
        ["metrics.comments"] = "[aria-label=\"Reply (N replies)\"]",
    });

    public static ParseResult RecordJson(ParseResult result)
    {
        result = Repost.Apply(result, p => p.Id.StartsWith("repost:", StringComparison.Ordinal));
        return PostView.Apply(result);
    }

    /// <summary>A page: the summary's post or profile, and the rendered thread's items.</summary>
    public static ParseResult RecordPage(ParseResult result, string? summaryPostId)
    {
        result = Summary.Record(result, p => p.Id == summaryPostId);
        result = ProfileSummary.Record(result, p => p.Kind == PostKinds.Profile);
        return Thread.Record(result, p => p.Id != summaryPostId && p.Kind != PostKinds.Profile);
    }
}
