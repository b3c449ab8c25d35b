using System.Text.RegularExpressions;
using Collector.Evidence.Bundles;
using Collector.Evidence.Warc;
using Collector.Model;
using Collector.Storage;
using Collector.Web.Detection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collector.Web.Pages;

/// <summary>
/// POST `/bundle` (with --allow-actions): a case bundle (the existing exporter) for the posts and chains the form names,
/// written into the export folder and checked at once by the bundle verifier; GET `/exports/{name}` downloads it,
/// POST `/exports/{name}/verify` checks it again.
/// </summary>
public static partial class BundleAction
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/bundle", async (HttpContext context, IArchive archive, ServeOptions options, DetectionFolder detection, TimeProvider time, CancellationToken ct) =>
        {
            if (!options.AllowActions)
            {
                return VerifyAction.ReadOnly();
            }

            var form = await context.Request.ReadFormAsync(ct);
            var posts = new List<PostKey>();
            foreach (var p in form["post"])
            {
                if (!PostKey.TryParse(p, out var key))
                {
                    return Layout.Page("Export", Html.H($"<h1>Export</h1><p class=\"bad\">post: '{p}' is not PLATFORM:ID</p>"), StatusCodes.Status400BadRequest);
                }

                posts.Add(key);
            }

            var selection = new BundleSelection
            {
                Posts = posts,
                Chains = form["chain"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).ToList(),
                ChainsFile = detection.Path is { } dir ? Path.Combine(dir, "chains.json") : null,
            };
            var folder = ExportFolder(options);
            Directory.CreateDirectory(folder);
            var name = $"case-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("n")[..8]}.zip";
            try
            {
                var summary = await CaseBundleWriter.WriteAsync(archive, selection, Path.Combine(folder, name), time, options.BundleTrust, options.Rederiver, ct);
                var check = await Task.Run(() => CaseBundleVerifier.Verify(summary.Path), ct);
                return Result(name, check, Html.H($"<p>{summary.Posts} posts, {summary.Captures} captures, {summary.Files} files; manifest.json SHA-256 <span class=\"hash\">{summary.ManifestSha256}</span></p>"));
            }
            catch (Exception ex) when (ex is BundleSelectionException or BundleRefusedException or MissingArtifactException)
            {
                return Layout.Page("Export refused", Html.H($"<h1>Export refused</h1><p class=\"bad\">{ex.Message}</p>"), StatusCodes.Status409Conflict);
            }
        });
        app.MapGet("/exports/{name}", (string name, ServeOptions options) =>
            Existing(options, name) is { } path
                ? Results.File(path, "application/zip", name)
                : Layout.NotFound($"no export {name}"));
        app.MapPost("/exports/{name}/verify", async (string name, ServeOptions options, CancellationToken ct) =>
        {
            if (!options.AllowActions)
            {
                return VerifyAction.ReadOnly();
            }

            return Existing(options, name) is { } path
                ? Result(name, await Task.Run(() => CaseBundleVerifier.Verify(path), ct), HtmlString.Empty)
                : Layout.NotFound($"no export {name}");
        });
    }

    public static string ExportFolder(ServeOptions options) =>
        options.ExportDir ?? Path.Combine(Path.GetTempPath(), "collector-serve-exports");

    /// <summary>Only names this server writes, only inside the export folder.</summary>
    private static string? Existing(ServeOptions options, string name)
    {
        if (!ExportName().IsMatch(name))
        {
            return null;
        }

        var path = Path.Combine(ExportFolder(options), name);
        return File.Exists(path) ? path : null;
    }

    private static IResult Result(string name, BundleVerification check, HtmlString summary) => Layout.Page("Case bundle " + name, Html.H($"""
        <h1>Case bundle {name}</h1>
        {summary}
        <p class="verdict {(check.Valid ? "ok" : "bad")}">{(check.Valid ? "verified: every file matches the manifest, every record its seal, the custody chain links" : "NOT VALID")}</p>
        {(check.Problems.Count > 0 ? Html.H($"<ul class=\"bad\">{Html.Join(check.Problems.Select(p => Html.H($"<li>{p}</li>")))}</ul>") : HtmlString.Empty)}
        {(check.Notes.Count > 0 ? Html.H($"<ul class=\"muted\">{Html.Join(check.Notes.Select(p => Html.H($"<li>{p}</li>")))}</ul>") : HtmlString.Empty)}
        <p><a class="download" href="/exports/{name}">download {name}</a></p>
        <form method="post" action="/exports/{name}/verify"><button type="submit">Verify this bundle again</button></form>
        """));

    [GeneratedRegex("^case-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}\\.zip$")]
    private static partial Regex ExportName();
}
