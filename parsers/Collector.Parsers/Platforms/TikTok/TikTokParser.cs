using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.TikTok;

/// <summary>
/// TikTok web pages: <c>script#__UNIVERSAL_DATA_FOR_REHYDRATION__</c> (<c>webapp.video-detail</c>, <c>webapp.user-detail</c>),
/// the older <c>script#SIGI_STATE</c> (ItemModule/UserModule), and the item_list API JSON (<c>itemList[]</c>).
/// </summary>
public sealed class TikTokParser : PlatformParser
{
    public override string Platform => PlatformKeys.TikTok;

    public override bool Handles(Uri url) => Hosts.IsAny(url, "tiktok.com");

    protected override IReadOnlyList<string> CanonicalOrigins { get; } = ["https://www.tiktok.com"];

    protected override ParseResult ParseCore(PageInput page)
    {
        var subject = VideoSubject(page.Url);
        var json = page.LooksLikeJson
            ? page.Body
            : ScriptTags.BodyById(page.Body, "__UNIVERSAL_DATA_FOR_REHYDRATION__") ?? ScriptTags.BodyById(page.Body, "SIGI_STATE");
        if (json is null)
        {
            if (PageSignals.Detect(page) is { } signal)
            {
                return Classified(signal.Outcome, signal.Reason, subject);
            }

            return PageSignals.IsScriptShell(page.Body)
                ? new ParseResult { Classification = PageOutcome.Empty, NeedsBrowser = true, Reason = "no rehydration data: JavaScript shell", Platform = Platform, Subject = subject }
                : Classified(PageOutcome.Unrecognized, "no __UNIVERSAL_DATA_FOR_REHYDRATION__ or SIGI_STATE script", subject);
        }

        using var document = JsonRead.TryParse(json);
        if (document is null)
        {
            return Classified(PageOutcome.Unrecognized, "rehydration data is not valid JSON", subject);
        }

        var root = document.RootElement;
        if (OEmbed.Is(root))
        {
            var id = root.Str("embed_product_id") ?? (Uri.TryCreate(Cite(root.Str("html")), UriKind.Absolute, out var cite) ? VideoSubject(cite) : subject)?.Id;
            var handle = root.Str("author_url")?.Split('@').LastOrDefault();
            var embedded = OEmbed.Read(root, Platform, id, handle is null ? null : $"https://www.tiktok.com/@{handle}/video/{id}");
            if (embedded is not null && ulong.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var numeric))
            {
                embedded = embedded with { PublishedAt = Times.FromEpoch(numeric >> 32) }; // a video id's high 32 bits are its creation second
            }

            return embedded is null
                ? Classified(PageOutcome.Unrecognized, "oEmbed without a video id", subject)
                : Found([embedded], [], embedded.Key).ReadBy(ParseLayers.OEmbed);
        }

        var scope = root.At("__DEFAULT_SCOPE__");
        if (scope?.At("webapp.video-detail") is { } detail)
        {
            return ReadDetail(detail, subject);
        }

        if (scope?.At("webapp.user-detail") is { } user)
        {
            return ReadUser(user);
        }

        if (root.At("ItemModule") is { ValueKind: JsonValueKind.Object } itemModule)
        {
            var posts = itemModule.EnumerateObject().Select(p => TikTokItem.Read(p.Value)).OfType<Post>().ToList();
            var next = ItemLinks(posts, subject);
            posts.AddRange(TikTokComments.Read(root).Where(c => posts.Any(p => p.Id == c.RootId)));
            var sigi = new FieldPaths(ParseLayers.StateJson, "SIGI_STATE → ItemModule.<id>", TikTokItem.Paths);

            // A profile page (tiktok.com/@handle) names its account in UserModule.users[handle], its likes in UserModule.stats[handle].
            var owner = subject is null ? ProfileHandle(page.Url) : null;
            if (owner is not null && root.At("UserModule", "users", owner) is { } account && Profile(account, root.Long("UserModule", "stats", owner, "heartCount")) is { } profile)
            {
                posts.Insert(0, profile);
                subject = profile.Key;
            }

            var found = sigi.Record(Named(Found(posts, next, subject), "SIGI_STATE ItemModule, UserModule, CommentItem"), p => p.Kind == PostKinds.Video);
            found = TikTokFieldPaths.Comment.Record(found, p => p.Kind == PostKinds.Comment);
            return new FieldPaths(ParseLayers.StateJson, "SIGI_STATE → UserModule.users.<handle>", TikTokFieldPaths.Profile).Record(found, p => p.Kind == PostKinds.Profile);
        }

        if (root.At("itemList") is { ValueKind: JsonValueKind.Array } itemList)
        {
            var posts = itemList.EnumerateArray().Select(TikTokItem.Read).OfType<Post>().ToList();
            var next = ItemLinks(posts, null);
            if (root.Bool("hasMore") is true && root.Str("cursor") is { } cursor)
            {
                next.Add(new FollowLink(Urls.WithQuery(page.Url, "cursor", cursor), FollowKind.NextPage));
            }

            return new FieldPaths(ParseLayers.ApiJson, "itemList[]", TikTokItem.Paths).Record(Found(posts, next, null).ReadBy(ParseLayers.At(ParseLayers.ApiJson, "itemList[]")));
        }

        if (root.Long("statusCode") is { } code and not 0)
        {
            return Status(code, root.Str("statusMsg") ?? root.Str("status_msg"), subject);
        }

        return Classified(PageOutcome.Unrecognized, "rehydration data holds neither video-detail nor user-detail", subject);
    }

    /// <summary>A video the standard layers read: its URL (<c>/@handle/video/id</c>) names the author when they do not.</summary>
    protected override Post AdaptLayerPost(Post post)
    {
        if (post.Author?.Handle is not null || post.ParentId is not null || !Uri.TryCreate(post.Url, UriKind.Absolute, out var url)
            || url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is not [var at, "video" or "photo", ..] || !at.StartsWith('@'))
        {
            return post;
        }

        var handle = at[1..];
        return post with { Author = (post.Author ?? new Author()) with { Handle = handle, Url = post.Author?.Url ?? $"https://www.tiktok.com/@{handle}" } };
    }

    /// <summary>The cite="…" URL of an oEmbed blockquote.</summary>
    private static string? Cite(string? html)
    {
        var at = html?.IndexOf("cite=\"", StringComparison.Ordinal) ?? -1;
        var end = at < 0 ? -1 : html!.IndexOf('"', at + 6);
        return end < 0 ? null : html![(at + 6)..end];
    }

    private static ParseResult Named(ParseResult result, string where) =>
        result.ReadBy(ParseLayers.At(ParseLayers.StateJson, where));

    private ParseResult ReadDetail(JsonElement detail, PostKey? subject)
    {
        if (detail.Long("statusCode") is { } code and not 0)
        {
            return Status(code, detail.Str("statusMsg"), subject);
        }

        var item = detail.At("itemInfo", "itemStruct");
        if (item is null || TikTokItem.Read(item.Value) is not { } post)
        {
            return Classified(PageOutcome.Unrecognized, "video-detail without itemInfo.itemStruct", subject);
        }

        const string Where = "__UNIVERSAL_DATA_FOR_REHYDRATION__ → __DEFAULT_SCOPE__[\"webapp.video-detail\"].itemInfo.itemStruct";
        return new FieldPaths(ParseLayers.StateJson, Where, TikTokItem.Paths).Record(Named(Found([post], [], subject ?? post.Key), Where));
    }

    private ParseResult ReadUser(JsonElement detail)
    {
        if (detail.Long("statusCode") is { } code and not 0)
        {
            return Status(code, detail.Str("statusMsg"), null);
        }

        if (detail.At("userInfo", "user") is not { } user || Profile(user, detail.Long("userInfo", "stats", "heartCount")) is not { } profile)
        {
            return Classified(PageOutcome.Unrecognized, "user-detail without userInfo.user");
        }

        var items = detail.Items("itemList").Select(TikTokItem.Read).OfType<Post>().ToList();
        const string Where = "__UNIVERSAL_DATA_FOR_REHYDRATION__ → __DEFAULT_SCOPE__[\"webapp.user-detail\"]";
        var found = Named(Found([profile, .. items], ItemLinks(items, null), profile.Key), Where);
        found = new FieldPaths(ParseLayers.StateJson, Where + ".userInfo.user", TikTokFieldPaths.Profile).Record(found, p => p.Kind == PostKinds.Profile);
        return new FieldPaths(ParseLayers.StateJson, Where + ".itemList[]", TikTokItem.Paths).Record(found, p => p.Kind != PostKinds.Profile);
    }

    /// <summary>An account (<c>id</c>, <c>uniqueId</c>, <c>nickname</c>, <c>signature</c>) as its profile post; null without id and handle.</summary>
    private static Post? Profile(JsonElement u, long? hearts)
    {
        if (u.Str("id") is not { } id || u.Str("uniqueId") is not { } handle)
        {
            return null;
        }

        var bio = TextNormalizer.Normalize(u.Str("signature"));
        return new Post
        {
            Platform = PlatformKeys.TikTok,
            Id = "user:" + id,
            Url = $"https://www.tiktok.com/@{handle}",
            Kind = PostKinds.Profile,
            Author = new Author { Id = id, Handle = handle, Name = u.Str("nickname"), Url = $"https://www.tiktok.com/@{handle}" },
            PublishedAt = u.Time("createTime"),
            Title = u.Str("nickname"),
            Text = bio,
            Language = LanguageDetection.Resolve(bio),
            Links = u.Str("bioLink", "link") is { } link ? [link] : [],
            Hashtags = TextExtraction.Hashtags(bio),
            Metrics = new Metrics { Likes = hearts },
        };
    }

    /// <summary>The handle of a profile URL (<c>/@handle</c>, nothing after it), or null.</summary>
    private static string? ProfileHandle(Uri url) =>
        url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var at] && at.Length > 1 && at[0] == '@' ? at[1..] : null;

    /// <summary>TikTok's statusCode values: 10204 item gone, 10202 no such user, 10221/10223 banned, 10216/10222 private.</summary>
    private ParseResult Status(long code, string? message, PostKey? subject)
    {
        var outcome = code switch
        {
            10204 or 10202 or 10201 => PageOutcome.NotFound,
            10221 or 10223 or 10231 => PageOutcome.Removed,
            10216 or 10222 or 10217 => PageOutcome.LoginWall,
            10000 => PageOutcome.Captcha,
            _ => PageOutcome.Unrecognized,
        };
        return Classified(outcome, $"TikTok statusCode {code}: {message}", subject);
    }

    private static List<FollowLink> ItemLinks(List<Post> posts, PostKey? except) =>
        [.. posts.Where(p => p.Key != except && p.Url is not null).Select(p => new FollowLink(new Uri(p.Url!), FollowKind.Item))];

    private static PostKey? VideoSubject(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var i = Array.FindIndex(segments, s => s is "video" or "photo");
        return i >= 0 && i + 1 < segments.Length && segments[i + 1].All(char.IsAsciiDigit) ? new PostKey(PlatformKeys.TikTok, segments[i + 1]) : null;
    }
}
