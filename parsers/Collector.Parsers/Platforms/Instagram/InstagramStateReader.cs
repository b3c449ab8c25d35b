using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Instagram;

/// <summary>The posts one layer of an Instagram page produced, and which layer that was.</summary>
internal sealed record InstagramRead(List<Post> Posts, string Layer, PostKey? Subject, List<FollowLink> Next);

/// <summary>
/// Instagram's state JSON of every generation seen: <c>window._sharedData</c> (2015-2022: <c>entry_data.PostPage</c> /
/// <c>ProfilePage</c>), <c>window.__additionalDataLoaded(path, {graphql|items})</c>, the bluebar <c>window._jscalls</c> of 2013
/// (<c>props.media</c>), and raw API JSON (<c>?__a=1</c> <c>items[]</c> or <c>graphql</c>, xdt <c>…shortcode__web_info.items</c>).
/// </summary>
internal static class InstagramStateReader
{
    private static readonly Uri ProfileBase = new("https://www.instagram.com/");

    public static InstagramRead? ReadJsonBody(string body)
    {
        using var document = JsonRead.TryParse(body);
        return document is null ? null : FromRoot(document.RootElement, ParseLayers.At(ParseLayers.ApiJson, "items[] / graphql"));
    }

    public static InstagramRead? ReadPage(string html)
    {
        if (ScriptTags.AssignedJson(html, "window._sharedData") is { } shared && FromJson(shared, "entry_data") is { } fromShared)
        {
            return fromShared with { Layer = ParseLayers.At(ParseLayers.StateJson, "window._sharedData") };
        }

        foreach (var json in AdditionalData(html))
        {
            if (FromJson(json, null) is { } additional)
            {
                return additional with { Layer = ParseLayers.At(ParseLayers.StateJson, "window.__additionalDataLoaded") };
            }
        }

        foreach (var marker in (ReadOnlySpan<string>)["xdt_api__v1__media__shortcode__web_info", "\"lib\\/ui\\/media\\/DesktopPPage\""])
        {
            var at = html.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            // The media object follows the marker: its first "items"/"media" value.
            var key = marker.StartsWith("xdt", StringComparison.Ordinal) ? "\"items\":" : "\"media\":";
            var start = html.IndexOf(key, at, StringComparison.Ordinal);
            if (start > 0 && BalancedJson.Extract(html, start + key.Length) is { } json && FromJson($"{{{key}{json}}}", null) is { } read)
            {
                var layer = marker.StartsWith("xdt", StringComparison.Ordinal) ? "xdt_api__v1__media__shortcode__web_info" : "window._jscalls DesktopPPage props.media";
                return read with { Layer = ParseLayers.At(ParseLayers.StateJson, layer) };
            }
        }

        return null;
    }

    private static InstagramRead? FromJson(string json, string? require)
    {
        using var document = JsonRead.TryParse(json);
        if (document is null || (require is not null && document.RootElement.At(require) is null))
        {
            return null;
        }

        return FromRoot(document.RootElement, string.Empty);
    }

    private static InstagramRead? FromRoot(JsonElement root, string layer)
    {
        var media = root.At("entry_data", "PostPage", "0", "graphql", "shortcode_media")
            ?? root.At("graphql", "shortcode_media")
            ?? root.At("data", "shortcode_media")
            ?? root.At("data", "xdt_shortcode_media")
            ?? root.At("items", "0")
            ?? root.At("media");
        if (media is { ValueKind: JsonValueKind.Object } m && InstagramMedia.Read(m) is { Count: > 0 } posts)
        {
            return new InstagramRead(posts, layer, posts[0].Key, []);
        }

        var user = root.At("entry_data", "ProfilePage", "0", "graphql", "user") ?? root.At("graphql", "user") ?? root.At("data", "user");
        return user is { ValueKind: JsonValueKind.Object } u ? Profile(u, layer) : null;
    }

    private static InstagramRead? Profile(JsonElement user, string layer)
    {
        if (InstagramMedia.ReadAuthor(user) is not { Handle: { } handle } author)
        {
            return null;
        }

        var profile = PostEnricher.Enrich(InstagramMedia.Profile(handle, author) with { Text = TextNormalizer.Normalize(user.Str("biography")) });
        var posts = new List<Post> { profile };
        var next = new List<FollowLink>();
        foreach (var edge in user.Items("edge_owner_to_timeline_media", "edges"))
        {
            if (edge.At("node") is { } node && InstagramMedia.Read(node, author) is { Count: > 0 } media && posts.All(p => p.Id != media[0].Id))
            {
                posts.Add(media[0]);
                if (Urls.Resolve(ProfileBase, media[0].Url) is { } permalink)
                {
                    next.Add(new FollowLink(permalink, FollowKind.Item));
                }
            }
        }

        return new InstagramRead(posts, layer, profile.Key, next);
    }

    /// <summary>The JSON argument of each <c>window.__additionalDataLoaded('/p/…/', {…})</c> call (skipped when cut off).</summary>
    private static IEnumerable<string> AdditionalData(string html)
    {
        const string call = "__additionalDataLoaded(";
        var i = 0;
        while ((i = html.IndexOf(call, i, StringComparison.Ordinal)) >= 0)
        {
            i += call.Length;
            var comma = html.IndexOf(',', i);
            if (comma < 0 || comma - i > 300)
            {
                continue;
            }

            if (BalancedJson.Extract(html, comma + 1) is { } json)
            {
                yield return json;
            }
        }
    }
}
