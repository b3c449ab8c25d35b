using Collector.Detection;
using Collector.Web.Detection;
using Microsoft.AspNetCore.Builder;

namespace Collector.Web.Pages;

/// <summary>`/detect`: chains, the coordination network and flagged accounts of the latest `collector detect`; `/chain/{id}`: one chain's posts.</summary>
public static class DetectionPage
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/detect", (DetectionFolder folder, DetectionRunner runner) =>
        {
            var d = folder.Current();
            if (d is null || d.WrittenUtc is null)
            {
                var why = folder.Configured ? $"no chains.json in {folder.Path} yet" : "start serve with --detect-dir DIR (the --out folder of `collector detect`)";
                return Layout.Page("Detection", Html.H($"<h1>Detection</h1><p class=\"muted\">No detection output: {why}.</p>{DetectRunAction.Control(runner)}"));
            }

            return Layout.Page("Detection", Html.H($"""
                <h1>Detection</h1>
                {DetectRunAction.Control(runner)}
                <p class="muted">from {folder.Path} (chains.json written {Html.Time(d.WrittenUtc is { } w ? new DateTimeOffset(w, TimeSpan.Zero) : null)}): {d.Chains.Count} chains, {d.Accounts.Count} flagged accounts, {d.Edges.Count} network edges</p>
                <h2>Chains</h2>
                <table class="chains"><tr><th>chain</th><th>platforms</th><th>posts</th><th>spread</th><th>origin</th></tr>
                {Html.Join(d.Chains.Select(c => Html.H($"<tr><td><a class=\"chain\" href=\"/chain/{Html.Seg(c.Id)}\">{c.Id}</a></td><td>{string.Join(" → ", c.Platforms)}{(c.CrossPlatform ? Html.H($" <span class=\"tag flag\">cross-platform</span>") : HtmlString.Empty)}</td><td>{c.Posts.Count}</td><td>{Spread(c.SpreadSeconds)}</td><td>{PostLink(c.Origin.Platform, c.Origin.Id)}</td></tr>")))}
                </table>
                <h2>Flagged accounts</h2>
                <table class="accounts"><tr><th>account</th><th>flags</th><th>posts</th></tr>
                {Html.Join(d.Accounts.Select(a => Html.H($"<tr><td>{AccountLink(a.Platform, a.Handle)}</td><td>{Html.Join(a.Flags.Select(f => Html.H($"<span class=\"tag flag\">{f}</span> ")))}</td><td>{a.Evidence.PostCount}</td></tr>")))}
                </table>
                <h2>Coordination network</h2>
                {NetworkDrawing.Render(d.Edges)}
                <table class="edges"><tr><th>account</th><th>account</th><th>weight</th><th>chains</th></tr>
                {Html.Join(d.Edges.OrderByDescending(e => e.Weight).Select(e => Html.H($"<tr><td>{Node(e.Source)}</td><td>{Node(e.Target)}</td><td>{e.Weight}</td><td>{Html.Join(e.Chains.Select(c => Html.H($"<a href=\"/chain/{Html.Seg(c)}\">{c}</a> ")))}</td></tr>")))}
                </table>
                """));
        });
        app.MapGet("/chain/{id}", (string id, DetectionFolder folder, ServeOptions options) =>
        {
            var chain = folder.Current()?.Chains.FirstOrDefault(c => c.Id == id);
            if (chain is null)
            {
                return Layout.NotFound($"no chain {id} in the detection output");
            }

            return Layout.Page("Chain " + id, Html.H($"""
                <h1>Chain {chain.Id}</h1>
                <p>{string.Join(" → ", chain.Platforms)}; {chain.Posts.Count} posts over {Spread(chain.SpreadSeconds)}</p>
                {(options.AllowActions ? Html.H($"<form method=\"post\" action=\"/bundle\"><input type=\"hidden\" name=\"chain\" value=\"{chain.Id}\"><button type=\"submit\" class=\"export\">Export a case bundle for this chain</button></form>") : HtmlString.Empty)}
                <table class="chain-posts"><tr><th>#</th><th>role</th><th>post</th><th>published</th><th>author</th><th>tied by</th></tr>
                {Html.Join(chain.Posts.Select((p, i) => Html.H($"<tr><td>{i + 1}</td><td>{p.Role}</td><td>{PostLink(p.Platform, p.Id)}</td><td>{Html.Time(p.PublishedAt)}</td><td>{(p.Author is null ? Html.H($"-") : AccountLink(p.Platform, p.Author))}</td><td>{string.Join(", ", p.MatchedBy)}</td></tr>")))}
                </table>
                """));
        });
    }

    public static HtmlString PostLink(string platform, string id) =>
        Html.H($"<a class=\"evidence\" href=\"{Html.PostHref(platform, id)}\">{platform}:{id}</a>");

    public static HtmlString AccountLink(string platform, string handle) =>
        Html.H($"<a class=\"account\" href=\"/account/{Html.Seg(platform)}/{Html.Seg(handle)}\">{platform}:{handle}</a>");

    /// <summary>A network node id (platform:handle) as a link to its account page.</summary>
    private static HtmlString Node(string id)
    {
        var colon = id.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? AccountLink(id[..colon], id[(colon + 1)..]) : Html.H($"{id}");
    }

    private static string Spread(long seconds) => TimeSpan.FromSeconds(seconds) switch
    {
        { TotalDays: >= 1 } t => $"{t.TotalDays:0.#} days",
        { TotalHours: >= 1 } t => $"{t.TotalHours:0.#} h",
        var t => $"{t.TotalMinutes:0} min",
    };
}
