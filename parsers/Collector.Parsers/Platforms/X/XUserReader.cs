using System.Text.Json;
using Collector.Model;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.X;

/// <summary><c>data.user.result</c> (UserByScreenName / UserByRestId) to one profile post.</summary>
internal static class XUserReader
{
    public static ParseResult Read(JsonElement user, XParser parser)
    {
        var result = user.At("result");
        if (result is not { } r)
        {
            return parser.Result(PageOutcome.NotFound, "data.user is empty: no such account");
        }

        if (r.Str("__typename") == "UserUnavailable")
        {
            var reason = r.Str("reason") ?? r.Str("unavailable_message", "text") ?? "user unavailable";
            return parser.Result(reason.Contains("Suspend", StringComparison.OrdinalIgnoreCase) ? PageOutcome.Removed : PageOutcome.NotFound, reason);
        }

        var id = r.Str("rest_id");
        var handle = r.Str("core", "screen_name") ?? r.Str("legacy", "screen_name");
        if (id is null || handle is null)
        {
            return parser.Result(PageOutcome.Unrecognized, "user result without rest_id/screen_name");
        }

        var bio = TextNormalizer.Normalize(r.Str("profile_bio", "description") ?? r.Str("legacy", "description"));
        var links = r.Items("profile_bio", "entities", "url", "urls").Concat(r.Items("legacy", "entities", "url", "urls"))
            .Select(u => u.Str("expanded_url")).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var post = new Post
        {
            Platform = PlatformKeys.X,
            Id = "user:" + id,
            Url = $"https://x.com/{handle}",
            Kind = PostKinds.Profile,
            Author = new Author { Id = id, Handle = handle, Name = r.Str("core", "name") ?? r.Str("legacy", "name"), Url = $"https://x.com/{handle}" },
            PublishedAt = XTimes.ParseCreatedAt(r.Str("core", "created_at") ?? r.Str("legacy", "created_at")),
            Title = r.Str("core", "name") ?? r.Str("legacy", "name"),
            Text = bio,
            Language = LanguageDetection.Normalize(r.Str("profile_description_language")) ?? LanguageDetection.Resolve(bio),
            Links = links,
            Hashtags = TextExtraction.Hashtags(bio),
        };
        return parser.Result([post], [], post.Key);
    }
}
