using System.Text.RegularExpressions;
using Collector.Parsers.Common;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>Reddit URL shapes: permalinks, user pages, the post id of a comments URL.</summary>
internal static partial class RedditUrls
{
    public const string Origin = "https://www.reddit.com";

    public static string? Permalink(string? permalink) =>
        permalink is null ? null : permalink.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? permalink : Origin + permalink;

    public static string? User(string? name) =>
        name is null or "[deleted]" ? null : $"{Origin}/user/{name}";

    /// <summary>The post fullname (t3_...) of a /comments/ URL, or null.</summary>
    public static string? PostOf(Uri url)
    {
        var match = CommentsPath().Match(url.AbsolutePath);
        return match.Success ? "t3_" + match.Groups[1].Value.ToLowerInvariant() : null;
    }

    /// <summary>The comment fullname (t1_...) a URL points at (/comments/post/slug/comment or /comment/id/), or null.</summary>
    public static string? CommentOf(Uri url)
    {
        var match = CommentPath().Match(url.AbsolutePath);
        return match.Success ? "t1_" + match.Groups["id"].Value.ToLowerInvariant() : null;
    }

    /// <summary>The subreddit of an /r/name/ URL.</summary>
    public static string? SubredditOf(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var match = SubredditPath().Match(url);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>True for "t3_abc123"-shaped ids of the given kind (ads carry other tokens in the same places).</summary>
    public static bool IsFullname(string value, string kind) =>
        value.Length > kind.Length + 1 && value.StartsWith(kind + "_", StringComparison.Ordinal)
        && !value.AsSpan(kind.Length + 1).ContainsAnyExcept(Base36);

    private static readonly System.Buffers.SearchValues<char> Base36 = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789");

    public static string Fullname(string kind, string id) => id.Contains('_', StringComparison.Ordinal) && id.StartsWith('t') ? id : $"{kind}_{id}";

    /// <summary>The same listing URL with <c>after=</c> set (and <c>count</c> left as is).</summary>
    public static Uri After(Uri page, string after) => Urls.WithQuery(page, "after", after);

    [GeneratedRegex(@"/comments/([a-z0-9]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentsPath();

    [GeneratedRegex(@"/comments/[a-z0-9]+/[^/]*/(?<id>[a-z0-9]+)/?$|/comment/(?<id>[a-z0-9]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentPath();

    [GeneratedRegex(@"/r/([A-Za-z0-9_]+)", RegexOptions.CultureInvariant)]
    private static partial Regex SubredditPath();
}
