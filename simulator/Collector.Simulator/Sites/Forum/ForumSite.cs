using Collector.Model;
using Collector.Simulator.Hosting;
using Collector.Simulator.World;
using Microsoft.AspNetCore.Http;

namespace Collector.Simulator.Sites.Forum;

/// <summary>
/// The simulated forum and blog: <c>/</c> and <c>/forum/{section}/</c> listings (<c>page/N/</c>), <c>/t/{id}.html</c> topics,
/// <c>/blog/</c> and <c>/blog/{id}.html</c> articles. robots.txt disallows <c>/private/</c>, which the politics listing links to.
/// Deleted topics answer 404.
/// </summary>
public sealed class ForumSite(SimContext sim) : ISimSite
{
    public const string PrivatePath = "/private/members-only.html";

    public SimPlatform Platform => SimPlatform.Forum;

    public string Robots => "User-agent: *\nDisallow: /private/\nDisallow: /search\n";

    public Task HandleAsync(HttpContext context)
    {
        var s = HttpWrite.Segments(context);
        var state = sim.World.State;
        var path = context.Request.Path.Value ?? "/";
        return s switch
        {
            [] => Listing(context, state, "politics", 1),
            ["forum", var section] => Listing(context, state, section, 1),
            ["forum", var section, "page", var n] when int.TryParse(n, out var p) => Listing(context, state, section, p),
            ["blog"] => Listing(context, state, "blog", 1),
            ["blog", "page", var n] when int.TryParse(n, out var p) => Listing(context, state, "blog", p),
            ["t" or "blog", var file] when file.EndsWith(".html", StringComparison.Ordinal) => Post(context, state, file[..^5], path),
            ["private", "members-only.html"] => HttpWrite.Html(context, PrivatePage()),
            _ => HttpWrite.NotFoundHtml(context),
        };
    }

    private Task Listing(HttpContext context, WorldState state, string section, int page)
    {
        if (!WorldLayout.ForumSections.Any(f => f.Section == section) || page < 1)
        {
            return HttpWrite.NotFoundHtml(context);
        }

        var all = state.InCommunity(SimPlatform.Forum, section).Where(p => p.Kind != PostKinds.Comment && p.IsLive).ToList();
        var size = sim.Options.PageSize;
        var items = all.Skip((page - 1) * size).Take(size).ToList();
        var more = page * size < all.Count;
        return HttpWrite.Html(context, ForumHtml.Listing(sim, section, items, page, more, section == "politics" && page == 1));
    }

    private Task Post(HttpContext context, WorldState state, string id, string path) =>
        state.Find(SimPlatform.Forum, id) is { Kind: not PostKinds.Comment } post
            ? post.IsLive ? HttpWrite.Html(context, ForumHtml.PostPage(sim, state, post)) : HttpWrite.Html(context, ForumHtml.Gone(sim, path), StatusCodes.Status404NotFound)
            : HttpWrite.Html(context, ForumHtml.Gone(sim, path), StatusCodes.Status404NotFound);

    private string PrivatePage() => $$"""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Members only</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","identifier":"p-private","headline":"Moderators' notes","text":"This page is disallowed by robots.txt; a polite crawler never fetches it.","datePublished":"2026-11-01T00:00:00Z","author":{"@type":"Person","name":"moderator"} }</script>
        </head><body><main><h1>Moderators' notes</h1><p>Disallowed by robots.txt at {{sim.Url(SimPlatform.Forum, "/robots.txt")}}.</p></main></body></html>
        """;
}
