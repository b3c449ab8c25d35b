using Collector.Storage;
using Collector.Storage.Export;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collector.Web.Pages;

/// <summary>`/`: search and browse the archive's posts (latest versions); `/api/posts`: the same as JSON.</summary>
public static class SearchPage
{
    public const int PageSize = 50;

    public static void Map(WebApplication app)
    {
        app.MapGet("/", async (string? q, IArchive archive, CancellationToken ct) =>
        {
            var posts = await FindAsync(archive, q, ct);
            return Layout.Page(string.IsNullOrWhiteSpace(q) ? "Posts" : "Search: " + q, Html.H($"""
                <h1>Posts</h1>
                <form class="filters" method="get" action="/"><label>words<input type="search" name="q" value="{q}"></label><button type="submit">Search</button></form>
                {Rows(posts)}
                """));
        });
        app.MapGet("/api/posts", async (string? q, IArchive archive, CancellationToken ct) =>
        {
            var posts = await FindAsync(archive, q, ct);
            return Results.Text(new System.Text.Json.Nodes.JsonArray(posts.Select(p => (System.Text.Json.Nodes.JsonNode)PostExporter.ToJson(p)).ToArray()).ToJsonString(), "application/json");
        });
    }

    private static async Task<List<ArchivedPost>> FindAsync(IArchive archive, string? q, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(q)
            ? await archive.QueryPostsAsync(new PostQuery { Limit = PageSize }, ct).ToListAsync(ct)
            : await archive.SearchAsync(q, PageSize, ct).ToListAsync(ct);

    public static HtmlString Rows(IReadOnlyList<ArchivedPost> posts) => posts.Count == 0
        ? Html.H($"<p class=\"muted\">No posts.</p>")
        : Html.H($"""
            <table class="results"><tr><th>post</th><th>author</th><th>published</th><th>text</th><th>versions</th></tr>
            {Html.Join(posts.Select(Row))}
            </table>
            """);

    private static HtmlString Row(ArchivedPost a)
    {
        var p = a.Post;
        return Html.H($"""
            <tr><td><a class="post" href="/post/{Html.Seg(p.Platform)}/{Html.Seg(p.Id)}">{p.Key.ToString()}</a>{(a.Tombstone is null ? HtmlString.Empty : Html.H($" <span class=\"tag gone\">{a.Tombstone.Reason}</span>"))}</td>
            <td>{p.Author?.Handle ?? p.Author?.Name ?? "-"}</td><td>{Html.Time(p.PublishedAt)}</td>
            <td>{CapturePage.Clip((p.Title is null ? "" : p.Title + " | ") + p.Text)}</td><td>{a.VersionCount}</td></tr>
            """);
    }
}
