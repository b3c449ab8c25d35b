using Collector.Model;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Pixiv;

/// <summary>Where <see cref="PixivIllust"/> takes each field (for <c>collector parse --explain</c>; see <see cref="FieldPaths"/>).</summary>
internal static class PixivFieldPaths
{
    /// <summary>An illust object: preload data's illust.&lt;id&gt;, an ajax illust body, a search row or a profile pickup.</summary>
    private static readonly Dictionary<string, string> Illust = new()
    {
        ["url"] = "illustId | id",
        ["author.id"] = "userId",
        ["author.handle"] = "userAccount",
        ["author.name"] = "userName",
        ["publishedAt"] = "createDate | uploadDate",
        ["title"] = "illustTitle | title",
        ["text"] = "illustComment | description (HTML)",
        ["media"] = "urls.original | urls.regular | url",
        ["hashtags"] = "tags.tags[].tag | tags[]",
        ["metrics.likes"] = "likeCount",
        ["metrics.comments"] = "commentCount",
        ["metrics.views"] = "viewCount",
    };

    private static readonly Dictionary<string, string> User = new()
    {
        ["url"] = "userId | id",
        ["author.id"] = "userId | id",
        ["author.handle"] = "account",
        ["author.name"] = "name",
        ["title"] = "name",
        ["text"] = "comment (HTML)",
    };

    /// <summary>The preload data of an artwork or user page.</summary>
    public static ParseResult Preload(ParseResult result) => Record(result, ParseLayers.StateJson, "meta#meta-preload-data", "illust.<id>", "user.<id>");

    /// <summary>An ajax response: an illust or user body, a search's sections, a profile's pickup, or the app API's user.</summary>
    public static ParseResult Ajax(ParseResult result) => Record(result, ParseLayers.ApiJson, "ajax response", "body | body.(illustManga | illust | manga).data[] | body.pickup[]", "body | user");

    private static ParseResult Record(ParseResult result, string layer, string root, string illust, string user)
    {
        // Posts a reader named already (profile/all's pickup) keep their name and get the paths all the same.
        var users = new FieldPaths(layer, $"{root} → {user}", User);
        result = users.Record(users.Apply(result, p => p.Kind == PostKinds.Profile), p => p.Kind == PostKinds.Profile);
        var illusts = new FieldPaths(layer, $"{root} → {illust}", Illust);
        return illusts.Record(illusts.Apply(result, p => p.Kind != PostKinds.Profile), p => p.Kind != PostKinds.Profile);
    }
}
