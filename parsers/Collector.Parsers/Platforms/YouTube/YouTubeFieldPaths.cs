using Collector.Model;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.YouTube;

/// <summary>Where each YouTube reader takes each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class YouTubeFieldPaths
{
    /// <summary><see cref="YouTubeWatchReader"/>: a player response (videoDetails, microformat) and the watch page's ytInitialData.</summary>
    private static readonly Dictionary<string, string> Watch = new()
    {
        ["url"] = "videoDetails.videoId",
        ["author.id"] = "videoDetails.channelId | microformat.playerMicroformatRenderer.externalChannelId",
        ["author.handle"] = "microformat.playerMicroformatRenderer.ownerProfileUrl's /@handle",
        ["author.name"] = "videoDetails.author | microformat.playerMicroformatRenderer.ownerChannelName",
        ["publishedAt"] = "microformat.playerMicroformatRenderer.(publishDate | uploadDate)",
        ["title"] = "videoDetails.title | microformat.playerMicroformatRenderer.title.simpleText",
        ["text"] = "videoDetails.shortDescription | microformat.playerMicroformatRenderer.description.simpleText",
        ["media"] = "videoDetails.thumbnail.thumbnails[-1].url",
        ["metrics.views"] = "videoDetails.viewCount | microformat.playerMicroformatRenderer.viewCount",
        ["metrics.likes"] = "microformat.playerMicroformatRenderer.likeCount",
        ["metrics.comments"] = "ytInitialData engagementPanels[engagement-panel-comments-section] header contextualInfo.runs[0].text",
    };

    /// <summary><see cref="YouTubeChannelReader"/>: the channel as a profile post.</summary>
    private static readonly Dictionary<string, string> Channel = new()
    {
        ["url"] = "metadata.channelMetadataRenderer.channelUrl | externalId",
        ["author.id"] = "metadata.channelMetadataRenderer.externalId",
        ["author.handle"] = "metadata.channelMetadataRenderer.(ownerUrls[] | vanityChannelUrl)'s /@handle",
        ["author.name"] = "metadata.channelMetadataRenderer.title",
        ["title"] = "metadata.channelMetadataRenderer.title",
        ["text"] = "metadata.channelMetadataRenderer.description",
    };

    /// <summary><see cref="YouTubeChannelReader"/>: each video a channel page lists.</summary>
    private static readonly Dictionary<string, string> Listed = new()
    {
        ["url"] = "contents … (gridVideoRenderer | videoRenderer | reelItemRenderer | compactVideoRenderer).videoId",
        ["author.id"] = "metadata.channelMetadataRenderer.externalId (the page's channel)",
        ["author.handle"] = "metadata.channelMetadataRenderer.(ownerUrls[] | vanityChannelUrl) (the page's channel)",
        ["author.name"] = "metadata.channelMetadataRenderer.title (the page's channel)",
        ["title"] = "contents … <renderer>.(title.simpleText | title.runs[0].text | headline.simpleText)",
        ["media"] = "contents … <renderer>.thumbnail.thumbnails[-1].url",
        ["hashtags"] = "#tags in the title",
        ["metrics.views"] = "contents … <renderer>.viewCountText",
    };

    /// <summary><see cref="YouTubeCommentReader"/>: a /next comment response, 2024+ entities or the older renderers.</summary>
    public static FieldPaths Comments { get; } = new(ParseLayers.ApiJson, "frameworkUpdates.entityBatchUpdate.mutations[].payload.commentEntityPayload | …commentRenderer", new Dictionary<string, string>
    {
        ["url"] = "the response's videoId + properties.commentId | commentId",
        ["author.id"] = "author.channelId | authorEndpoint.browseEndpoint.browseId",
        ["author.handle"] = "author.displayName | authorText.simpleText (\"@handle\")",
        ["author.name"] = "author.displayName | authorText.simpleText",
        ["text"] = "properties.content.content | contentText.runs[].text",
        ["parentId"] = "the commentId before \".\" | the response's videoId",
        ["rootId"] = "the response's videoId",
        ["metrics.likes"] = "toolbar.likeCountNotliked | voteCount.simpleText",
        ["metrics.comments"] = "toolbar.replyCount | replyCount",
    });

    /// <summary><see cref="YouTubeMicrodata"/>: a script-less snapshot's VideoObject microdata.</summary>
    public static FieldPaths Microdata { get; } = new(ParseLayers.Microdata, "meta/link [itemprop] of the VideoObject", new Dictionary<string, string>
    {
        ["url"] = "[itemprop=videoId | identifier]",
        ["author.id"] = "[itemprop=channelId]",
        ["author.handle"] = "the first channel [itemprop=url]",
        ["publishedAt"] = "[itemprop=datePublished | uploadDate]",
        ["title"] = "[itemprop=name]",
        ["text"] = "[itemprop=description]",
        ["metrics.views"] = "[itemprop=interactionCount]",
    });

    /// <summary>A player response: served raw (API JSON) or the watch page's <c>ytInitialPlayerResponse</c>.</summary>
    public static ParseResult RecordWatch(ParseResult result, bool embedded) =>
        new FieldPaths(embedded ? ParseLayers.StateJson : ParseLayers.ApiJson, embedded ? "ytInitialPlayerResponse (+ ytInitialData)" : "player response", Watch).Apply(result);

    /// <summary>A channel's data: served raw (browse response) or the page's <c>ytInitialData</c>.</summary>
    public static ParseResult RecordChannel(ParseResult result, bool embedded)
    {
        var layer = embedded ? ParseLayers.StateJson : ParseLayers.ApiJson;
        var root = embedded ? "ytInitialData" : "browse response";
        result = new FieldPaths(layer, root, Channel).Apply(result, p => p.Kind == PostKinds.Profile);
        return new FieldPaths(layer, root, Listed).Apply(result);
    }
}
