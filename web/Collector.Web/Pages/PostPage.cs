using Collector.Model;
using Collector.Storage;
using Microsoft.AspNetCore.Builder;

namespace Collector.Web.Pages;

/// <summary>`/post/{platform}/{id}`: a post's life: versions with word diffs, tombstone and its proof, metrics over time, thread, every capture that saw it.</summary>
public static class PostPage
{
    /// <summary>Captures listed (and searched for replies) per post, newest last.</summary>
    public const int MaxCaptures = 200;

    public static void Map(WebApplication app) =>
        app.MapGet("/post/{platform}/{**id}", async (string platform, string id, IArchive archive, ServeOptions options, CancellationToken ct) =>
        {
            var key = new PostKey(platform.ToLowerInvariant(), id);
            var history = await archive.GetHistoryAsync(key, ct);
            if (history is null || history.Versions.Count == 0)
            {
                return Layout.NotFound($"no post {key} in this archive");
            }

            var captures = await archive.QueryCapturesAsync(new CaptureQuery { Post = key, Limit = MaxCaptures }, ct).ToListAsync(ct);
            var replies = captures.SelectMany(c => c.Posts).Where(p => p.Platform == key.Platform && p.ParentId == key.Id)
                .DistinctBy(p => p.Id).ToList();
            var latest = history.Versions[^1].Post;
            var parent = latest.ParentId is { } pid ? await archive.GetHistoryAsync(new PostKey(key.Platform, pid), ct) : null;
            return Layout.Page(key.ToString(), Html.H($"""
                <h1>{key.ToString()} {(history.Tombstone is null ? HtmlString.Empty : Html.H($"<span class=\"tag gone\">{history.Tombstone.Reason}</span>"))}</h1>
                {Facts(latest, history)}
                {Tombstone(history.Tombstone)}
                {(options.AllowActions ? Html.H($"<form method=\"post\" action=\"/bundle\"><input type=\"hidden\" name=\"post\" value=\"{key.ToString()}\"><button type=\"submit\" class=\"export\">Export a case bundle for this post</button></form>") : HtmlString.Empty)}
                <h2>Versions ({history.Versions.Count})</h2>
                {Html.Join(history.Versions.Select((v, i) => Version(v, i == 0 ? null : history.Versions[i - 1])))}
                <h2>Observations ({history.Observations.Count})</h2>
                {MetricsChart.Render(history.Observations)}
                <h2>Thread</h2>
                {Thread(latest, parent, replies)}
                <h2>Captures that saw it ({captures.Count})</h2>
                <table class="captures"><tr><th>capture</th><th>fetched</th><th>outcome</th><th>URL</th></tr>
                {Html.Join(captures.Select(c => Html.H($"<tr><td><a class=\"capture\" href=\"/capture/{Html.Seg(c.Id)}\">{c.Id}</a></td><td>{Html.Time(c.FetchedAt)}</td><td>{c.Outcome.ToString()}</td><td>{c.FinalUrl}</td></tr>")))}
                </table>
                """));
        });

    private static HtmlString Facts(Post p, PostHistory h) => Html.H($"""
        <table class="facts">
        <tr><th>URL</th><td>{p.Url ?? "-"}</td></tr>
        <tr><th>author</th><td>{(p.Author?.Handle is { } handle ? Html.H($"<a href=\"/account/{Html.Seg(p.Platform)}/{Html.Seg(handle)}\">{handle}</a>") : Html.H($"{p.Author?.Name ?? "-"}"))}</td></tr>
        <tr><th>community</th><td>{p.Community ?? "-"}</td></tr>
        <tr><th>published</th><td>{Html.Time(p.PublishedAt)}</td></tr>
        <tr><th>first / last observed</th><td>{Html.Time(h.Observations.Count > 0 ? h.Observations[0].At : h.Versions[0].FirstSeen)} / {Html.Time(h.Observations.Count > 0 ? h.Observations[^1].At : null)}</td></tr>
        <tr><th>language</th><td>{p.Language ?? "-"}</td></tr>
        </table>
        <h2>Latest text</h2><div class="text">{(p.Title is null ? HtmlString.Empty : Html.H($"<strong>{p.Title}</strong><br>"))}{p.Text ?? ""}</div>
        """);

    private static HtmlString Tombstone(Collector.Storage.Tombstone? t) => t is null
        ? HtmlString.Empty
        : Html.H($"""
            <div class="tombstone"><h2>Tombstone</h2><p><span class="tag gone">{t.Reason}</span> at {Html.Time(t.At)},
            proven by capture <a class="proof" href="/capture/{Html.Seg(t.CaptureId)}">{t.CaptureId}</a>.</p></div>
            """);

    private static HtmlString Version(PostVersion v, PostVersion? previous) => Html.H($"""
        <section class="version" id="v{v.Number}"><h3>v{v.Number} <span class="muted">first seen {Html.Time(v.FirstSeen)}
        {(v.CaptureId is null ? Html.H($"(imported)") : Html.H($"by <a href=\"/capture/{Html.Seg(v.CaptureId)}\">{v.CaptureId}</a>"))}</span>
        <span class="hash">{v.ContentHash[..Math.Min(16, v.ContentHash.Length)]}</span></h3>
        {(previous is null ? Html.H($"<div class=\"text\">{v.Post.Text ?? ""}</div>") : Changes(v, previous))}
        </section>
        """);

    private static HtmlString Changes(PostVersion v, PostVersion previous)
    {
        var others = v.Changes.Where(c => c.Field is not "text" and not "title").ToList();
        return Html.H($"""
            {(previous.Post.Title != v.Post.Title ? Html.H($"<p class=\"diff title\">title: {WordDiff.Render(previous.Post.Title, v.Post.Title)}</p>") : HtmlString.Empty)}
            <p class="diff text">{WordDiff.Render(previous.Post.Text, v.Post.Text)}</p>
            {(others.Count == 0 ? HtmlString.Empty : Html.H($"<ul class=\"changes\">{Html.Join(others.Select(c => Html.H($"<li>{c.Field}: {c.Before ?? "(none)"} → {c.After ?? "(none)"}</li>")))}</ul>"))}
            """);
    }

    private static HtmlString Thread(Post p, PostHistory? parent, List<Post> replies) => Html.H($"""
        <p>parent: {(p.ParentId is null ? Html.H($"none (a top-level post)") : parent is null ? Html.H($"{p.ParentId} (not in the archive)") : Html.H($"<a class=\"parent\" href=\"{Html.PostHref(p.Platform, p.ParentId)}\">{p.Platform}:{p.ParentId}</a>"))}</p>
        <p>replies seen on its captures: {(replies.Count == 0 ? Html.H($"none") : Html.Join(replies.Select(r => Html.H($"<a class=\"reply\" href=\"{Html.PostHref(r.Platform, r.Id)}\">{r.Key.ToString()}</a> "))))}</p>
        """);
}
