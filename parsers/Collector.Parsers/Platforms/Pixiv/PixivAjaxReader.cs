using System.Globalization;
using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;
using Collector.Parsers.Layers;

namespace Collector.Parsers.Platforms.Pixiv;

/// <summary>pixiv JSON: <c>{error, message, body}</c> from /ajax (illust, user, profile/all, search) and the app API's user detail.</summary>
internal static class PixivAjaxReader
{
    private const int SearchPageSize = 60;

    public static ParseResult Read(JsonElement root, Uri url, PixivParser parser)
    {
        if (root.At("user") is { } appUser && root.At("profile") is not null)
        {
            return PixivIllust.Profile(appUser) is { } profile
                ? parser.Result([profile], [], profile.Key)
                : parser.Result(PageOutcome.Unrecognized, "app API user without id");
        }

        if (root.Bool("error") is true)
        {
            return ClassifyError(root.Str("message") ?? string.Empty, url, parser);
        }

        if (root.At("body") is not { } body || root.Bool("error") is null)
        {
            return parser.Result(PageOutcome.Unrecognized, "not pixiv's {error, message, body} envelope");
        }

        if (body.Str("illustId") is not null)
        {
            var post = PixivIllust.Read(body);
            return post is null ? parser.Result(PageOutcome.Unrecognized, "illust without id") : parser.Result([post], [], post.Key);
        }

        // profile/all before search: both have "manga", and a user without manga has it as an empty list.
        if (body.At("illusts") is not null || body.At("pickup") is not null)
        {
            return ReadProfileAll(body, parser);
        }

        if (body.At("illustManga") is not null || body.At("illust") is not null || body.At("manga", "data") is not null)
        {
            return ReadSearch(body, url, parser);
        }

        if (body.Str("userId") is not null && body.Str("name") is not null)
        {
            var profile = PixivIllust.Profile(body)!;
            return parser.Result([profile], [], profile.Key);
        }

        return parser.Result(PageOutcome.Unrecognized, "ajax body is no illust, user, profile or search");
    }

    /// <summary>
    /// /ajax/user/ID/profile/all: the user's works as a map of id → null (or an empty list where there are none): each id a
    /// follow link and an id-only stub; the <c>pickup</c> works come with their data and are posts.
    /// </summary>
    private static ParseResult ReadProfileAll(JsonElement body, PixivParser parser)
    {
        var ids = body.Properties("illusts").Concat(body.Properties("manga")).Select(p => p.Name).Where(n => n.Length > 0 && n.All(char.IsAsciiDigit)).Distinct().ToList();
        var posts = new List<Post>();
        foreach (var row in body.Items("pickup"))
        {
            if (PixivIllust.Read(PixivIllustFields.Read(row)) is { } post && posts.All(p => p.Id != post.Id))
            {
                posts.Add(post);
            }
        }

        var next = ids.Select(id => new FollowLink(new Uri($"https://www.pixiv.net/ajax/illust/{id}"), FollowKind.Item)).ToList();
        var stubs = ids.Where(id => posts.All(p => p.Id != id)).Select(id => new PostKey(PlatformKeys.Pixiv, id)).ToList();
        var result = parser.Result(posts, next, null).ReadBy(ParseLayers.At(ParseLayers.ApiJson, "body.pickup[]"));
        return result with
        {
            Classification = posts.Count > 0 || stubs.Count > 0 ? PageOutcome.Content : PageOutcome.Empty,
            Stubs = stubs,
            Reason = stubs.Count > 0 ? $"work list: {ids.Count} ids, {posts.Count} with their data (pickup)" : result.Reason,
        };
    }

    private static ParseResult ReadSearch(JsonElement body, Uri url, PixivParser parser)
    {
        var posts = new List<Post>();
        var next = new List<FollowLink>();
        long total = 0;
        foreach (var section in new[] { "illustManga", "illust", "manga" })
        {
            total = Math.Max(total, body.Long(section, "total") ?? 0);
            foreach (var row in body.Items(section, "data"))
            {
                var fields = PixivIllustFields.Read(row);
                if (fields.IsAdContainer.Bool() is not true && PixivIllust.Read(fields) is { } post && posts.All(p => p.Id != post.Id))
                {
                    posts.Add(post);
                    next.Add(new FollowLink(new Uri($"https://www.pixiv.net/ajax/illust/{post.Id}"), FollowKind.Item));
                }
            }
        }

        var page = int.TryParse(Urls.Query(url, "p"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        if (posts.Count > 0 && (long)page * SearchPageSize < total)
        {
            next.Add(new FollowLink(Urls.WithQuery(url, "p", (page + 1).ToString(CultureInfo.InvariantCulture)), FollowKind.NextPage));
        }

        return parser.Result(posts, next, null);
    }

    private static ParseResult ClassifyError(string message, Uri url, PixivParser parser)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var illust = Array.IndexOf(segments, "illust");
        PostKey? subject = illust >= 0 && illust + 1 < segments.Length ? new PostKey(PlatformKeys.Pixiv, segments[illust + 1]) : null;
        var outcome = message switch
        {
            _ when message.Contains("削除", StringComparison.Ordinal) || message.Contains("deleted", StringComparison.OrdinalIgnoreCase) => PageOutcome.Removed,
            _ when message.Contains("存在しない", StringComparison.Ordinal) || message.Contains("not exist", StringComparison.OrdinalIgnoreCase)
                || message.Contains("not found", StringComparison.OrdinalIgnoreCase) => PageOutcome.NotFound,
            _ when message.Contains("ログイン", StringComparison.Ordinal) || message.Contains("log in", StringComparison.OrdinalIgnoreCase)
                || message.Contains("login", StringComparison.OrdinalIgnoreCase) => PageOutcome.LoginWall,
            _ when message.Contains("rate", StringComparison.OrdinalIgnoreCase) => PageOutcome.RateLimited,
            _ => PageOutcome.Unrecognized,
        };
        return parser.Result(outcome, "pixiv error: " + message, subject);
    }
}
