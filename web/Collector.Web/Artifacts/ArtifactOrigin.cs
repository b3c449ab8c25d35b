using System.Text.RegularExpressions;
using Collector.Storage;
using Collector.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collector.Web.Artifacts;

/// <summary>
/// The second origin: archived bytes by signed link, each response sandboxed by its Content-Security-Policy.
/// It serves nothing else (no pages, no API), so a captured page that runs anyway finds nothing of the UI here.
/// </summary>
public static partial class ArtifactOrigin
{
    public static void Map(WebApplication app, IArchive archive, ArtifactLinks links)
    {
        app.MapGet("/a/{sha256}", async (HttpContext context, string sha256, string? type, string? exp, string? sig, CancellationToken ct) =>
        {
            SecurityHeaders.ForArtifact(context, links);
            if (!Sha256Pattern().IsMatch(sha256) || type is null || !links.IsValid(sha256, type, exp, sig))
            {
                return Results.NotFound();
            }

            var stream = await archive.Artifacts.OpenReadAsync(sha256, ct);
            if (stream is null)
            {
                return Results.NotFound();
            }

            // Bytes kept as evidence are shown as what they are, never interpreted as something richer:
            // HTML only sandboxed, anything unknown as a download.
            var contentType = type.StartsWith("text/", StringComparison.Ordinal) ? type + "; charset=utf-8" : type;
            return type == "application/octet-stream"
                ? Results.Stream(stream, contentType, fileDownloadName: sha256)
                : Results.Stream(stream, contentType);
        });
        app.MapFallback((HttpContext context) =>
        {
            SecurityHeaders.ForArtifact(context, links);
            return Results.NotFound();
        });
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
