using System.Text.Json.Nodes;
using Collector.Storage;
using Collector.Storage.Export;
using Collector.Web.Browse;
using Collector.Web.Detection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collector.Web.Pages;

/// <summary>`/`: search and browse the archive's posts (latest versions), filtered, sorted, page by page; `/api/posts`: the same as JSON.</summary>
public static class SearchPage
{
    public const int PageSize = 50;

    public static void Map(WebApplication app)
    {
        app.MapGet("/", async (HttpContext context, IPostBrowser browser, DetectionFolder detection, ServeOptions options, CancellationToken ct) =>
        {
            var form = BrowseForm.Read(context.Request.Query);
            var (query, errors) = form.ToQuery(detection.Current()?.FlaggedPosts, PageSize);
            var page = query is null ? null : await browser.BrowseAsync(query, ct);
            return Layout.Page(form.Q is null ? "Posts" : "Search: " + form.Q, Html.H($"""
                <h1>Posts</h1>
                {Form(form, detection.Configured)}
                {(errors.Count > 0 ? Html.H($"<ul class=\"bad errors\">{Html.Join(errors.Select(e => Html.H($"<li>{e}</li>")))}</ul>") : HtmlString.Empty)}
                {(page is null ? HtmlString.Empty : options.AllowActions ? Selectable(page.Posts) : Rows(page.Posts))}
                <div class="pager">{(form.After is null ? HtmlString.Empty : Html.H($"<a href=\"{form.Href(null)}\">first page</a>"))}
                {(page?.Next is { } next ? Html.H($"<a class=\"next\" href=\"{form.Href(next)}\">next page →</a>") : HtmlString.Empty)}</div>
                """), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        });
        app.MapGet("/api/posts", async (HttpContext context, IPostBrowser browser, DetectionFolder detection, CancellationToken ct) =>
        {
            var (query, errors) = BrowseForm.Read(context.Request.Query).ToQuery(detection.Current()?.FlaggedPosts, PageSize);
            if (query is null)
            {
                return Results.Json(new { errors }, statusCode: StatusCodes.Status400BadRequest);
            }

            var page = await browser.BrowseAsync(query, ct);
            var json = new JsonObject
            {
                ["posts"] = new JsonArray(page.Posts.Select(p => (JsonNode)PostExporter.ToJson(p)).ToArray()),
                ["next"] = page.Next,
            };
            return Results.Text(json.ToJsonString(), "application/json; charset=utf-8");
        });
    }

    private static HtmlString Form(BrowseForm f, bool detection) => Html.H($"""
        <form class="filters" method="get" action="/">
        <label>words<input type="search" name="q" value="{f.Q}" placeholder="full-text"></label>
        <label>platform<input name="platform" value="{f.Platform}" size="9"></label>
        <label>community<input name="community" value="{f.Community}" size="12"></label>
        <label>author<input name="author" value="{f.Author}" size="12"></label>
        <label>published from<input name="from" value="{f.From}" size="11" placeholder="2026-03-01"></label>
        <label>to<input name="to" value="{f.To}" size="11"></label>
        <label>edited{Choice("versions", f.Versions)}</label>
        <label>deleted{Choice("deleted", f.Deleted)}</label>
        {(detection ? Html.H($"<label>flagged<input type=\"checkbox\" name=\"flagged\" value=\"1\"{(f.Flagged ? Html.H($" checked") : HtmlString.Empty)}></label>") : HtmlString.Empty)}
        <label>sort<select name="sort">{Html.Join(BrowseForm.Sorts.Select(s => Html.H($"<option value=\"{s.Key}\"{(s.Key == f.Sort ? Html.H($" selected") : HtmlString.Empty)}>{s.Value.Label}</option>")))}</select></label>
        <button type="submit">Search</button></form>
        """);

    private static HtmlString Choice(string name, string? value) => Html.H($"""
        <select name="{name}">{Html.Join(new[] { "any", "yes", "no" }.Select(o => Html.H($"<option{((value ?? "any") == o ? Html.H($" selected") : HtmlString.Empty)}>{o}</option>")))}</select>
        """);

    public static HtmlString Rows(IReadOnlyList<ArchivedPost> posts) => Rows(posts, selectable: false);

    /// <summary>The rows with a box each, in a form that exports the ticked posts as one case bundle.</summary>
    private static HtmlString Selectable(IReadOnlyList<ArchivedPost> posts) => posts.Count == 0
        ? Rows(posts)
        : Html.H($"""
            <form method="post" action="/bundle">{Rows(posts, selectable: true)}
            <p><button type="submit" class="export">Export the ticked posts as a case bundle</button></p></form>
            """);

    private static HtmlString Rows(IReadOnlyList<ArchivedPost> posts, bool selectable) => posts.Count == 0
        ? Html.H($"<p class=\"muted\">No posts.</p>")
        : Html.H($"""
            <table class="results"><tr>{(selectable ? Html.H($"<th></th>") : HtmlString.Empty)}<th>post</th><th>author</th><th>community</th><th>published</th><th>first seen</th><th>text</th><th>versions</th></tr>
            {Html.Join(posts.Select(a => Row(a, selectable)))}
            </table>
            """);

    private static HtmlString Row(ArchivedPost a, bool selectable)
    {
        var p = a.Post;
        return Html.H($"""
            <tr>{(selectable ? Html.H($"<td><input type=\"checkbox\" name=\"post\" value=\"{p.Key.ToString()}\" aria-label=\"select {p.Key.ToString()}\"></td>") : HtmlString.Empty)}<td><a class="post" href="{Html.PostHref(p.Platform, p.Id)}">{p.Key.ToString()}</a>{(a.Tombstone is null ? HtmlString.Empty : Html.H($" <span class=\"tag gone\">{a.Tombstone.Reason}</span>"))}</td>
            <td>{p.Author?.Handle ?? p.Author?.Name ?? "-"}</td><td>{p.Community ?? "-"}</td><td>{Html.Time(p.PublishedAt)}</td><td>{Html.Time(a.FirstSeen)}</td>
            <td>{CapturePage.Clip((p.Title is null ? "" : p.Title + " | ") + p.Text)}</td><td class="versions">{a.VersionCount}</td></tr>
            """);
    }
}
