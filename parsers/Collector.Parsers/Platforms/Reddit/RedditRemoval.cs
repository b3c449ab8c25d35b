using Collector.Model;

namespace Collector.Parsers.Platforms.Reddit;

/// <summary>Reddit's markers of deleted and removed content.</summary>
internal static class RedditRemoval
{
    private static readonly string[] Notices =
    [
        "Sorry, this post has been removed by",
        "Sorry, this post was deleted by",
        "Sorry, this post was removed by",
        "This post was removed by",
    ];

    public static bool IsMarker(string? text) =>
        text is not null && text.Trim() is "[deleted]" or "[removed]" or "[ Removed by Reddit ]" or "[Removed by Reddit]";

    /// <summary>The text unless it is a removal marker (a tombstone keeps no fake text).</summary>
    public static string? TextOrNull(string? text) => IsMarker(text) ? null : text;

    /// <summary>The notice Reddit's post page shows in place of a deleted or removed post's body.</summary>
    public static bool IsNotice(string? text) =>
        text is not null && Notices.Any(n => text.StartsWith(n, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Stubs left where a post or comment was (no author and no text, or the removal notice as text) are tombstones,
    /// not versions: the page's own post makes the page <see cref="PageOutcome.Removed"/>; the others go to
    /// <see cref="ParseResult.Removed"/>.
    /// </summary>
    public static ParseResult Settle(ParseResult result, Uri page)
    {
        if (result.Classification != PageOutcome.Content)
        {
            return result;
        }

        var gone = result.Posts.Where(IsStub).ToList();
        if (gone.Count == 0)
        {
            return result;
        }

        var subject = result.Subject ?? (RedditUrls.PostOf(page) is { } id ? new PostKey(PlatformKeys.Reddit, id) : null);
        var kept = result.Posts.Except(gone).ToList();
        var removed = result.Removed.Concat(gone.Select(p => p.Key)).Distinct().ToList();
        if (subject is { } key && gone.Any(p => p.Key == key))
        {
            return result with
            {
                Classification = PageOutcome.Removed, Reason = "post [deleted]/[removed]", Subject = key, Posts = kept,
                Removed = [.. removed.Where(k => k != key)],
            };
        }

        return result with { Posts = kept, Removed = removed, Classification = kept.Count > 0 ? PageOutcome.Content : PageOutcome.Empty };
    }

    private static bool IsStub(Post post) =>
        (post.Author is null && post.Text is null && post.Kind == PostKinds.Comment) || IsNotice(post.Text);
}
