using System.Globalization;
using Collector.Model;
using Collector.Storage;
using static Collector.Detection.Output.Svg;

namespace Collector.Detection.Output;

/// <summary>One cited post's archived proof: the first capture that saw it, with its screenshot and raw page copied beside the report.</summary>
public sealed record CapturedEvidence(string CaptureId, DateTimeOffset FetchedAt, string? Screenshot, string? RawPage);

/// <summary>
/// The archived captures behind the posts report.html cites (chain posts, account evidence): for each, the first capture
/// that saw it, its screenshot and its raw page copied into <c>evidence/</c> beside the report (named by SHA-256, each
/// once; a raw page as <c>.txt</c>, so that opening it shows its source and never runs a captured script). Bounded:
/// at most <see cref="MaxCaptures"/> captures are copied; later posts keep their commands only.
/// </summary>
public static class ReportEvidence
{
    public const string Folder = "evidence";
    public const int MaxCaptures = 500;
    public const int MaxLookups = 5000;

    public static async Task<IReadOnlyDictionary<PostKey, CapturedEvidence>> CopyAsync(IArchive archive, DetectionResult result, string outDir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(result);
        var found = new Dictionary<PostKey, CapturedEvidence>();
        var byCapture = new Dictionary<string, CapturedEvidence>(StringComparer.Ordinal);
        var dir = Path.Combine(outDir, Folder);
        foreach (var key in HtmlReport.CitedPosts(result).Distinct().Take(MaxLookups))
        {
            Capture? first = null;
            await foreach (var capture in archive.QueryCapturesAsync(new CaptureQuery { Post = key, Limit = 1, IncludePosts = false }, cancellationToken))
            {
                first = capture;
            }

            if (first is null)
            {
                continue;
            }

            if (!byCapture.TryGetValue(first.Id, out var evidence))
            {
                if (byCapture.Count >= MaxCaptures)
                {
                    continue;
                }

                var screenshot = first.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Screenshot);
                var raw = first.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Raw);
                evidence = new CapturedEvidence(
                    first.Id,
                    first.FetchedAt,
                    screenshot is null ? null : await CopyAsync(archive, screenshot, dir, ArtifactFiles.Extension(screenshot.ContentType, screenshot.Kind), cancellationToken),
                    raw is null ? null : await CopyAsync(archive, raw, dir, ArtifactFiles.Extension(raw.ContentType, raw.Kind) + ".txt", cancellationToken));
                byCapture[first.Id] = evidence;
            }

            found[key] = evidence;
        }

        return found;
    }

    /// <summary>The artifact's bytes as evidence/&lt;sha256&gt;&lt;ext&gt; (kept when already there), its path relative to the report; null when the archive lacks them.</summary>
    private static async Task<string?> CopyAsync(IArchive archive, ArtifactRef artifact, string dir, string extension, CancellationToken ct)
    {
        var name = artifact.Sha256 + extension;
        var path = Path.Combine(dir, name);
        if (!File.Exists(path))
        {
            await using var source = await archive.Artifacts.OpenReadAsync(artifact.Sha256, ct);
            if (source is null)
            {
                return null;
            }

            Directory.CreateDirectory(dir);
            var temp = path + ".partial";
            await using (var target = File.Create(temp))
            {
                await source.CopyToAsync(target, ct);
            }

            File.Move(temp, path, overwrite: true);
        }

        return Folder + "/" + name;
    }

    /// <summary>The report's links to a post's copied evidence, or nothing when none was copied.</summary>
    internal static string Links(IReadOnlyDictionary<PostKey, CapturedEvidence>? evidence, string platform, string id)
    {
        if (evidence is null || !evidence.TryGetValue(new PostKey(platform, id), out var e))
        {
            return string.Empty;
        }

        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"first captured {Model.UtcDateTimeOffsetConverter.ToWire(e.FetchedAt)} ({Esc(e.CaptureId)})") };
        if (e.Screenshot is not null)
        {
            parts.Add($"<a class=\"ev-shot\" href=\"{Esc(e.Screenshot)}\">screenshot</a>");
        }

        if (e.RawPage is not null)
        {
            parts.Add($"<a class=\"ev-raw\" href=\"{Esc(e.RawPage)}\">raw page (source)</a>");
        }

        return "<small class=\"meta evidence-links\">" + string.Join(" · ", parts) + "</small><br>";
    }

}
