using System.Net;
using System.Text;
using Collector.Model;
using Collector.Storage;

namespace Collector.Evidence.Bundles;

/// <summary>index.html of a case bundle: what was captured, when (UTC), how, by which tool version, and how to check it.</summary>
public static class BundleIndexPage
{
    public static string Render(
        ResolvedSelection selection, IReadOnlyList<CustodyEntry> custody, IReadOnlyList<BundleTimestamp> timestamps,
        IReadOnlyList<string> asked, DateTimeOffset created)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Case bundle</title>\n")
            .Append("<style>body{font:14px/1.45 system-ui,sans-serif;margin:2em;max-width:72em}table{border-collapse:collapse;margin:.5em 0 1.5em}")
            .Append("td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}code{font-size:12px;word-break:break-all}</style></head><body>\n");
        html.Append("<h1>Case bundle</h1>\n<p>Made ").Append(Time(created)).Append(" by ").Append(E(Warc.WarcInfo.Software))
            .Append(" for: ").Append(E(string.Join(", ", asked))).Append(".</p>\n");
        html.Append("<p>All times are UTC. Every file in this bundle is listed with its SHA-256 in <code>manifest.json</code>. ")
            .Append("To check the bundle, run <code>collector verify THIS.zip</code>; without Collector: compare <code>sha256sum</code> of each file ")
            .Append("with manifest.json, and check each timestamp token with <code>openssl ts -verify -in TOKEN.tst -token_in -data MANIFEST.json -CAfile TSA-CA.pem</code>.</p>\n");

        html.Append("<h2>Posts</h2>\n<table><tr><th>Post</th><th>Versions</th><th>Observations</th><th>First seen</th><th>Status</th><th>Latest text</th></tr>\n");
        foreach (var post in selection.Posts)
        {
            var latest = post.Versions.Count > 0 ? post.Versions[^1].Post : null;
            html.Append("<tr><td><a href=\"").Append(E(BundlePaths.Post(post.Key))).Append("\">").Append(E(post.Key.ToString())).Append("</a>")
                .Append(latest?.Url is { } u ? $"<br><code>{E(u)}</code>" : "").Append("</td><td>").Append(post.Versions.Count)
                .Append("</td><td>").Append(post.Observations.Count).Append("</td><td>")
                .Append(post.Versions.Count > 0 ? Time(post.Versions.Min(v => v.FirstSeen)) : "").Append("</td><td>")
                .Append(post.Tombstone is { } t ? $"{E(t.Reason)} at {Time(t.At)} (capture {E(t.CaptureId)})" : "present").Append("</td><td>")
                .Append(E(Shorten(latest?.Text ?? latest?.Title))).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Captures</h2>\n<table><tr><th>Capture</th><th>URL</th><th>When</th><th>How</th><th>Outcome</th><th>Tool</th><th>Artifacts</th></tr>\n");
        foreach (var capture in selection.Captures)
        {
            var entry = custody.FirstOrDefault(e => e.Action == "capture" && e.Subject == capture.Id);
            html.Append("<tr><td><a href=\"").Append(E(BundlePaths.Capture(capture.Id))).Append("\">").Append(E(capture.Id)).Append("</a><br>")
                .Append("<a href=\"").Append(E(BundlePaths.Warc(capture.Id))).Append("\">WARC</a></td><td><code>").Append(E(capture.FinalUrl)).Append("</code>")
                .Append(capture.RequestUrl != capture.FinalUrl ? $"<br>asked: <code>{E(capture.RequestUrl)}</code>" : "")
                .Append("</td><td>").Append(Time(capture.FetchedAt)).Append("</td><td>")
                .Append(E(capture.RenderMode.ToString().ToLowerInvariant())).Append(capture.HttpStatus is { } s ? $", HTTP {s}" : "")
                .Append(capture.RunId is { } r ? $"<br>run {E(r)}" : "").Append(capture.Source is { } src ? $"<br>source {E(src)}" : "")
                .Append("</td><td>").Append(E(capture.Outcome.ToString())).Append(capture.OutcomeReason is { } why ? $": {E(why)}" : "")
                .Append("</td><td>").Append(E(entry?.ToolVersion ?? "?")).Append(entry is null ? "" : $"<br>on {E(entry.Host)}<br>custody #{entry.Sequence}")
                .Append("</td><td>");
            foreach (var a in capture.Artifacts)
            {
                html.Append("<a href=\"").Append(E(BundlePaths.Artifact(a.Sha256, a.ContentType, a.Kind))).Append("\">").Append(E(a.Kind)).Append("</a> ")
                    .Append(a.Length).Append(" B <code>").Append(a.Sha256).Append("</code><br>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Trusted timestamps (RFC 3161)</h2>\n");
        if (timestamps.Count == 0)
        {
            html.Append("<p>None: no time-stamping authority had stamped the runs of these captures.</p>\n");
        }
        else
        {
            html.Append("<table><tr><th>Run</th><th>Authority</th><th>Stamped at</th><th>Token</th><th>Stamps</th></tr>\n");
            foreach (var t in timestamps)
            {
                html.Append("<tr><td>").Append(E(t.RunId)).Append("</td><td>").Append(E(t.Authority ?? "?")).Append("</td><td>")
                    .Append(t.GenTime is { } g ? Time(g) : "?").Append("</td><td><a href=\"").Append(E(t.Token)).Append("\">").Append(E(t.Token))
                    .Append("</a></td><td><a href=\"").Append(E(t.Manifest)).Append("\">").Append(E(t.Manifest)).Append("</a></td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>Chain of custody</h2>\n<p>Entries of the archive's hash-chained custody log that concern these captures ")
            .Append("(<a href=\"").Append(BundlePaths.Custody).Append("\">").Append(BundlePaths.Custody).Append("</a>).</p>\n")
            .Append("<table><tr><th>#</th><th>When</th><th>Action</th><th>Subject</th><th>Tool</th><th>Hash</th></tr>\n");
        foreach (var e in custody)
        {
            html.Append("<tr><td>").Append(e.Sequence).Append("</td><td>").Append(Time(e.At)).Append("</td><td>").Append(E(e.Action))
                .Append("</td><td>").Append(E(e.Subject)).Append("</td><td>").Append(E(e.ToolVersion)).Append("</td><td><code>").Append(e.Hash)
                .Append("</code></td></tr>\n");
        }

        html.Append("</table>\n</body></html>\n");
        return html.ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Time(DateTimeOffset at) => E(UtcDateTimeOffsetConverter.ToWire(at));

    private static string Shorten(string? text) => text is null ? "" : text.Length > 200 ? text[..200] + "…" : text;
}
