using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Vk;

/// <summary>
/// VK API JSON (wall.get, wall.getById, newsfeed.get; <c>extended=1</c> adds profiles and groups): one post per item,
/// <c>copy_history</c> entries as posts of their own that the repost points at. VK's HTML pages are not read.
/// </summary>
public sealed class VkParser : PlatformParser
{
    public override string Platform => PlatformKeys.Vk;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "vk.com", "vk.ru", "vkontakte.ru", "userapi.com");

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://vk.com"];

    protected override ParseResult ParseCore(PageInput page)
    {
        if (!page.LooksLikeJson)
        {
            // VK's own markup is not read; a post permalink (vk.com/wall-1_2) still names its post for the standard layers.
            var permalink = WallPost(page.Url);
            return PageSignals.Detect(page) is { } signal
                ? Classified(signal.Outcome, signal.Reason, permalink)
                : Classified(PageOutcome.Unrecognized, "VK HTML pages are not parsed: collect VK through its API JSON", permalink);
        }

        using var document = JsonRead.TryParse(page.Body);
        if (document is null)
        {
            return Classified(PageOutcome.Unrecognized, "body is not valid JSON");
        }

        var root = document.RootElement;
        if (root.At("error") is { } error)
        {
            return VkErrors.Classify(error, this);
        }

        var response = root.At("response");
        if (response is not { } r)
        {
            return Classified(PageOutcome.Unrecognized, "no 'response' or 'error' in the VK API answer");
        }

        var items = r.ValueKind == JsonValueKind.Array ? r : r.At("items");
        if (items is not { ValueKind: JsonValueKind.Array } list)
        {
            return Classified(PageOutcome.Unrecognized, "VK response without an items array");
        }

        var authors = new VkAuthors(r);
        var posts = new List<Post>();
        foreach (var item in list.EnumerateArray())
        {
            VkPostReader.Add(item, authors, posts);
        }

        var subject = Subject(page.Url);
        if (posts.Count == 0 && subject is not null)
        {
            return Classified(PageOutcome.NotFound, "wall.getById returned no item: the post is deleted or hidden", subject);
        }

        return VkFieldPaths.Item.Apply(Found(posts, NextPage(page.Url, r, list.GetArrayLength()), subject));
    }

    /// <summary>vk.com/wall&lt;owner&gt;_&lt;id&gt; (or <c>?w=wall…</c>): the post in the API's id form, <c>owner_id</c>.</summary>
    private static PostKey? WallPost(Uri url)
    {
        var name = Urls.Query(url, "w") ?? url.AbsolutePath.TrimStart('/');
        if (!name.StartsWith("wall", StringComparison.Ordinal))
        {
            return null;
        }

        var id = name[4..];
        var parts = id.Split('_');
        return parts.Length == 2 && long.TryParse(parts[0], out _) && long.TryParse(parts[1], out _) ? new PostKey(PlatformKeys.Vk, id) : null;
    }

    /// <summary>wall.getById?posts=OWNER_ID: the page stands for that one post.</summary>
    private static PostKey? Subject(Uri url)
    {
        if (!url.AbsolutePath.EndsWith("wall.getById", StringComparison.OrdinalIgnoreCase) || Urls.Query(url, "posts") is not { } posts)
        {
            return null;
        }

        var ids = posts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return ids.Length == 1 ? new PostKey(PlatformKeys.Vk, ids[0]) : null;
    }

    /// <summary>newsfeed: <c>start_from=next_from</c>; wall.get: the next <c>offset</c> while offset &lt; count.</summary>
    private static List<FollowLink> NextPage(Uri url, JsonElement response, int itemCount)
    {
        var next = new List<FollowLink>();
        if (response.ValueKind != JsonValueKind.Object)
        {
            return next;
        }

        if (response.Str("next_from") is { } nextFrom)
        {
            next.Add(new FollowLink(Urls.WithQuery(url, "start_from", nextFrom), FollowKind.NextPage));
        }
        else if (response.Long("count") is { } count && itemCount > 0
            && url.AbsolutePath.EndsWith("wall.get", StringComparison.OrdinalIgnoreCase))
        {
            var offset = long.TryParse(Urls.Query(url, "offset"), out var o) ? o : 0;
            if (offset + itemCount < count)
            {
                next.Add(new FollowLink(Urls.WithQuery(url, "offset", (offset + itemCount).ToString(System.Globalization.CultureInfo.InvariantCulture)), FollowKind.NextPage));
            }
        }

        return next;
    }
}
