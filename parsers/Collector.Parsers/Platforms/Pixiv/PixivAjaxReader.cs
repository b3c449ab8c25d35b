using System.Globalization;
using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

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

        if (body.At("illustManga") is not null || body.At("illust") is not null || body.At("manga") is not null)
        {
            return ReadSearch(body, url, parser);
        }

        if (body.At("illusts") is not null || body.At("manga") is not null)
        {
            var next = body.Properties("illusts").Concat(body.Properties("manga"))
                .Where(p => p.Name.All(char.IsAsciiDigit))
                .Select(p => new FollowLink(new Uri($"https://www.pixiv.net/ajax/illust/{p.Name}"), FollowKind.Item))
                .ToList();
            return parser.Result([], next, null);
        }

        if (body.Str("userId") is not null && body.Str("name") is not null)
        {
            var profile = PixivIllust.Profile(body)!;
            return parser.Result([profile], [], profile.Key);
        }

        return parser.Result(PageOutcome.Unrecognized, "ajax body is no illust, user, profile or search");
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
