using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.TikTok;

/// <summary>Where the TikTok readers take the fields of profiles and comments (videos: <see cref="TikTokItem.Paths"/>), for <c>parse --explain</c>.</summary>
internal static class TikTokFieldPaths
{
    /// <summary>An account as its profile post: SIGI_STATE UserModule.users[handle] or user-detail userInfo.user.</summary>
    public static IReadOnlyDictionary<string, string> Profile { get; } = new Dictionary<string, string>
    {
        ["url"] = "uniqueId",
        ["author.id"] = "id",
        ["author.handle"] = "uniqueId",
        ["author.name"] = "nickname",
        ["publishedAt"] = "createTime",
        ["title"] = "nickname",
        ["text"] = "signature",
        ["links"] = "bioLink.link",
        ["metrics.likes"] = "(UserModule.stats[handle] | userInfo.stats).heartCount",
    };

    /// <summary><see cref="TikTokComments"/>: SIGI_STATE CommentItem[cid].</summary>
    public static FieldPaths Comment { get; } = new(ParseLayers.StateJson, "SIGI_STATE → CommentItem.<cid>", new Dictionary<string, string>
    {
        ["author.id"] = "UserModule.users[user].id | user.uid",
        ["author.handle"] = "user | user.unique_id",
        ["author.name"] = "UserModule.users[user].nickname | user.nickname",
        ["publishedAt"] = "create_time",
        ["text"] = "text",
        ["parentId"] = "reply_id (\"0\": aweme_id)",
        ["rootId"] = "aweme_id",
        ["metrics.likes"] = "digg_count",
        ["metrics.comments"] = "reply_comment_total",
    });
}
