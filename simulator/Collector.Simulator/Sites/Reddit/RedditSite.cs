using System.Globalization;
using Collector.Model;
using Collector.Simulator.Hosting;
using Collector.Simulator.World;
using Microsoft.AspNetCore.Http;

namespace Collector.Simulator.Sites.Reddit;

/// <summary>
/// The simulated Reddit host. JSON API: <c>/r/{sub}/new.json?after=t3_…&amp;limit=N</c>, <c>/r/{sub}/comments/{id}.json</c>
/// (also with a slug, and <c>/comments/{id}.json</c>), <c>/api/morechildren.json?link_id=t3_…&amp;children=a,b</c>.
/// HTML: <c>/r/{sub}/</c> (feed; <c>?after=&lt;cursor&gt;</c>), <c>/svc/shreddit/community-more-posts/new/?after=…&amp;name=…</c>,
/// <c>/r/{sub}/comments/{id}/{slug}/</c>.
/// </summary>
public sealed class RedditSite(SimContext sim) : ISimSite
{
    public SimPlatform Platform => SimPlatform.Reddit;

    public string Robots => "User-agent: *\nDisallow: /private/\nDisallow: /login\nAllow: /\n";

    public Task HandleAsync(HttpContext context)
    {
        var s = HttpWrite.Segments(context);
        var state = sim.World.State;
        var q = context.Request.Query;
        if (s is ["api", "morechildren.json"] || s is ["api", "morechildren"])
        {
            var link = q["link_id"].ToString();
            return Find(state, link.StartsWith("t3_", StringComparison.Ordinal) ? link[3..] : link) is { } post
                ? HttpWrite.Json(context, RedditJson.MoreChildren(state, post, q["children"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries)))
                : JsonNotFound(context);
        }

        if (s is ["svc", "shreddit", "community-more-posts", _] && q["name"].ToString() is { Length: > 0 } name && RedditFormat.IsKnownSubreddit(state, name))
        {
            var sub = RedditFormat.CanonicalSub(state, name);
            var (page, more) = Page(state, sub, RedditHtml.DecodeCursor(q["after"]), sim.Options.PageSize);
            return HttpWrite.Html(context, RedditHtml.FeedItems(sim, sub, page, more, int.TryParse(q["feedLength"], CultureInfo.InvariantCulture, out var n) ? n : 0));
        }

        if (s is ["svc", "shreddit", "comments", "r", _, var thing] && Find(state, thing.Replace("t3_", string.Empty, StringComparison.Ordinal)) is { } treePost)
        {
            return HttpWrite.Html(context, RedditHtml.CommentTreePartial(state, treePost));
        }

        if (s is ["comments", var bareId] && bareId.EndsWith(".json", StringComparison.Ordinal))
        {
            return CommentsJson(context, state, bareId[..^5]);
        }

        if (s.Length < 2 || s[0] != "r")
        {
            return HttpWrite.NotFoundHtml(context);
        }

        var subName = s[1].EndsWith(".json", StringComparison.Ordinal) ? s[1][..^5] : s[1];
        if (!RedditFormat.IsKnownSubreddit(state, subName))
        {
            return IsJson(s) ? JsonNotFound(context) : HttpWrite.NotFoundHtml(context, "Sorry, nobody on Reddit goes by that name.");
        }

        var subreddit = RedditFormat.CanonicalSub(state, subName);
        return s switch
        {
            [_, _] when s[1].EndsWith(".json", StringComparison.Ordinal) => ListingJson(context, state, subreddit),
            [_, _, "new.json" or "hot.json" or ".json"] => ListingJson(context, state, subreddit),
            [_, _] or [_, _, "new" or "hot"] => FeedHtml(context, state, subreddit),
            [_, _, "comments", var id] when id.EndsWith(".json", StringComparison.Ordinal) => CommentsJson(context, state, id[..^5]),
            [_, _, "comments", var id, var slug] when slug.EndsWith(".json", StringComparison.Ordinal) => CommentsJson(context, state, id),
            [_, _, "comments", var id, _, ".json"] => CommentsJson(context, state, id),
            [_, _, "comments", var id, ..] => PostHtml(context, state, id),
            _ => HttpWrite.NotFoundHtml(context),
        };
    }

    private static bool IsJson(string[] s) => s.Length > 0 && s[^1].EndsWith(".json", StringComparison.Ordinal);

    private static SimPost? Find(WorldState state, string id) =>
        state.Find(SimPlatform.Reddit, id) is { Kind: PostKinds.Post } p ? p : null;

    private static (IReadOnlyList<SimPost> Page, bool More) Page(WorldState state, string sub, string? afterId, int size)
    {
        var all = RedditFormat.Listing(state, sub);
        var start = 0;
        if (afterId is not null)
        {
            var i = all.ToList().FindIndex(p => p.Id == afterId);
            start = i < 0 ? all.Count : i + 1;
        }

        var page = all.Skip(start).Take(size).ToList();
        return (page, start + page.Count < all.Count);
    }

    private Task ListingJson(HttpContext context, WorldState state, string sub)
    {
        var q = context.Request.Query;
        var limit = int.TryParse(q["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : sim.Options.PageSize;
        var after = q["after"].ToString();
        var (page, more) = Page(state, sub, after.StartsWith("t3_", StringComparison.Ordinal) ? after[3..] : null, limit);
        return HttpWrite.Json(context, RedditJson.Listing(sim, page, more ? "t3_" + page[^1].Id : null));
    }

    private Task FeedHtml(HttpContext context, WorldState state, string sub)
    {
        var after = context.Request.Query["after"].ToString();
        var afterId = after.StartsWith("t3_", StringComparison.Ordinal) ? after[3..] : RedditHtml.DecodeCursor(after);
        var (page, more) = Page(state, sub, afterId, sim.Options.PageSize);
        return HttpWrite.Html(context, RedditHtml.Feed(sim, sub, page, more));
    }

    private Task CommentsJson(HttpContext context, WorldState state, string id)
    {
        if (Find(state, id) is not { } post)
        {
            return JsonNotFound(context);
        }

        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 500) : RedditJson.CommentLimit;
        return HttpWrite.Json(context, RedditJson.Comments(sim, state, post, limit));
    }

    private Task PostHtml(HttpContext context, WorldState state, string id) =>
        Find(state, id) is { } post
            ? HttpWrite.Html(context, RedditHtml.PostPage(sim, state, post))
            : HttpWrite.NotFoundHtml(context, "Sorry, this post could not be found.");

    private static Task JsonNotFound(HttpContext context) =>
        HttpWrite.Json(context, RedditJson.Error(404, "Not Found"), StatusCodes.Status404NotFound);
}
