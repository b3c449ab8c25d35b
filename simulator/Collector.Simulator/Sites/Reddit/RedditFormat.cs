using System.Globalization;
using System.Text;
using Collector.Model;
using Collector.Simulator.Hosting;
using Collector.Simulator.World;

namespace Collector.Simulator.Sites.Reddit;

/// <summary>How Reddit names and shows things: fullnames, permalinks, slugs, times, and the deleted/removed markers.</summary>
public static class RedditFormat
{
    public const string Deleted = "[deleted]";
    public const string Removed = "[removed]";

    public static string Fullname(SimPost post) => (post.Kind == PostKinds.Post ? "t3_" : "t1_") + post.Id;

    public static string SubredditId(string sub) => "t5_" + (StableHash.Of(sub) % 0xFFFFFF).ToString("x5", CultureInfo.InvariantCulture);

    public static string Slug(string? title)
    {
        var sb = new StringBuilder();
        foreach (var c in (title ?? "post").ToLowerInvariant())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var slug = string.Join('_', sb.ToString().Split('_', StringSplitOptions.RemoveEmptyEntries));
        slug = slug.Length > 50 ? slug[..50].TrimEnd('_') : slug;
        return slug.Length == 0 ? "post" : slug;
    }

    public static string Permalink(SimPost submission) => $"/r/{submission.Community}/comments/{submission.Id}/{Slug(submission.Title)}/";

    public static string CommentPermalink(SimPost submission, SimPost comment) => $"{Permalink(submission)}{comment.Id}/";

    /// <summary>The author as the page shows it: "[deleted]" once the post is gone.</summary>
    public static string Author(SimPost post) => post.IsLive ? post.AuthorHandle : Deleted;

    /// <summary>The text as the page shows it: "[deleted]" or "[removed]" once gone.</summary>
    public static string Body(SimPost post) => post.State switch
    {
        SimPostState.Deleted => Deleted,
        SimPostState.Removed => Removed,
        _ => post.Text,
    };

    /// <summary>shreddit's created-timestamp: 2023-10-27T04:31:22.144000+0000.</summary>
    public static string ShredditTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+0000'", CultureInfo.InvariantCulture);

    public static double Epoch(DateTimeOffset t) => t.ToUnixTimeSeconds();

    /// <summary>The media URL of an image post (on the simulated image host), or null.</summary>
    public static string? ImageUrl(SimContext sim, SimPost post) => post.ImageId is null ? null : sim.ImageUrl(post.ImageId);

    /// <summary>Submissions a listing shows, newest first: moderator-removed posts drop out, author-deleted ones stay as [deleted].</summary>
    public static IReadOnlyList<SimPost> Listing(WorldState state, string sub) =>
        [.. state.InCommunity(SimPlatform.Reddit, sub).Where(p => p.Kind == PostKinds.Post && p.State != SimPostState.Removed)];

    public static bool IsKnownSubreddit(WorldState state, string sub) =>
        state.Communities(SimPlatform.Reddit).Contains(sub, StringComparer.OrdinalIgnoreCase);

    public static string CanonicalSub(WorldState state, string sub) =>
        state.Communities(SimPlatform.Reddit).First(c => c.Equals(sub, StringComparison.OrdinalIgnoreCase));
}
