using Collector.Model;
using Collector.Storage;
using Collector.Web.Artifacts;
using Collector.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collector.Web.Pages;

/// <summary>`/capture/{id}`: one capture's evidence: screenshot, the DOM (sandboxed, on the artifact origin), raw response, network, media, hashes, custody entry.</summary>
public static class CapturePage
{
    public static void Map(WebApplication app) =>
        app.MapGet("/capture/{id}", async (HttpContext context, string id, IArchive archive, ArtifactLinks links, ServeOptions options, CancellationToken ct) =>
        {
            var capture = await archive.GetCaptureAsync(id, ct);
            if (capture is null)
            {
                return Layout.NotFound($"no capture {id} in this archive");
            }

            var custody = await CustodyLookup.ForCaptureAsync(archive, id, ct);
            var host = context.Request.Host.Value ?? "127.0.0.1";
            return Layout.Page("Capture " + id, Body(capture, custody, a => links.Url(host, a.Sha256, ArtifactTypes.For(a)), options.AllowActions));
        });

    private static HtmlString Body(Capture c, CustodyEntry? custody, Func<ArtifactRef, string> url, bool actions)
    {
        var shot = c.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Screenshot);
        var dom = c.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Dom);
        var raw = c.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Raw);
        var network = c.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Network);
        var media = c.Artifacts.Where(a => a.Kind == ArtifactKinds.Media).ToList();
        return Html.H($"""
            <h1>Capture <span class="hash">{c.Id}</span></h1>
            <table class="facts">
            <tr><th>URL</th><td>{c.RequestUrl}{(c.FinalUrl != c.RequestUrl ? Html.H($" → {c.FinalUrl}") : HtmlString.Empty)}</td></tr>
            <tr><th>fetched</th><td>{Html.Time(c.FetchedAt)}</td></tr>
            <tr><th>outcome</th><td><span class="tag outcome">{c.Outcome.ToString()}</span> {c.OutcomeReason} HTTP {c.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, {c.RenderMode.ToString()}</td></tr>
            <tr><th>source / run</th><td>{c.Source ?? "-"} / {(c.RunId is null ? HtmlString.Empty : Html.H($"<a href=\"/collection#{c.RunId}\">{c.RunId}</a>"))}</td></tr>
            </table>
            {(actions ? Html.H($"<form method=\"post\" action=\"/capture/{Html.Seg(c.Id)}/verify\"><button type=\"submit\">Verify this capture</button></form>") : HtmlString.Empty)}
            <h2>Posts on this capture</h2>
            <ul class="posts">{Html.Join(c.Posts.Select(p => Html.H($"<li><a href=\"{Html.PostHref(p.Platform, p.Id)}\">{p.Key.ToString()}</a> {Clip(p.Title ?? p.Text)}</li>")))}</ul>
            {(c.RemovedPosts.Count > 0 ? Html.H($"<p>Proves gone: {Html.Join(c.RemovedPosts.Select(k => Html.H($"<a href=\"{Html.PostHref(k.Platform, k.Id)}\">{k.ToString()}</a> ")))}</p>") : HtmlString.Empty)}
            {(shot is null ? HtmlString.Empty : Html.H($"<h2>Screenshot</h2><img class=\"shot\" alt=\"screenshot of the captured page\" src=\"{url(shot)}\">"))}
            {(dom is null ? HtmlString.Empty : Html.H($"<h2>Rendered DOM <span class=\"muted\">(sandboxed: scripts and outside requests blocked)</span></h2><iframe class=\"dom\" sandbox title=\"captured DOM\" src=\"{url(dom)}\"></iframe>"))}
            {(raw is null ? HtmlString.Empty : Html.H($"<h2>Raw response</h2><iframe class=\"dom raw\" sandbox title=\"raw response\" src=\"{url(raw)}\"></iframe>"))}
            {(network is null ? HtmlString.Empty : Html.H($"<h2>Network</h2><p><a href=\"{url(network)}\" rel=\"noopener noreferrer\" target=\"_blank\">network log (JSON)</a></p>"))}
            {(media.Count == 0 ? HtmlString.Empty : Html.H($"<h2>Media</h2><div class=\"media\">{Html.Join(media.Select(m => Media(m, url(m))))}</div>"))}
            <h2>Artifacts</h2>
            <table><tr><th>kind</th><th>SHA-256</th><th>bytes</th><th>type</th></tr>
            {Html.Join(c.Artifacts.Select(a => Html.H($"<tr><td>{a.Kind}</td><td class=\"hash\"><a href=\"{url(a)}\" rel=\"noopener noreferrer\" target=\"_blank\">{a.Sha256}</a></td><td>{Html.Num(a.Length)}</td><td>{a.ContentType ?? "-"}</td></tr>")))}
            </table>
            <h2>Custody entry</h2>
            {(custody is null ? Html.H($"<p class=\"bad\">no custody entry names this capture</p>") : Custody(custody))}
            """);
    }

    private static HtmlString Media(ArtifactRef m, string url) => ArtifactTypes.IsImage(ArtifactTypes.For(m))
        ? Html.H($"<img class=\"shot\" alt=\"archived media\" src=\"{url}\" title=\"{m.Url}\">")
        : Html.H($"<p><a href=\"{url}\" rel=\"noopener noreferrer\">{m.Url ?? m.Sha256}</a></p>");

    private static HtmlString Custody(CustodyEntry e) => Html.H($"""
        <table class="custody"><tr><th>sequence</th><td>{e.Sequence}</td></tr><tr><th>at</th><td>{Html.Time(e.At)}</td></tr>
        <tr><th>action</th><td>{e.Action}</td></tr><tr><th>host / tool</th><td>{e.Host} / {e.ToolVersion}</td></tr>
        <tr><th>hash</th><td class="hash">{e.Hash}</td></tr><tr><th>previous</th><td class="hash">{e.PreviousHash}</td></tr>
        <tr><th>artifacts named</th><td class="hash">{string.Join(" ", e.ArtifactHashes)}</td></tr></table>
        """);

    public static string Clip(string? s) => s is null ? "" : s.Length > 160 ? s[..157] + "…" : s;
}
