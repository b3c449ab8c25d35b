using System.Globalization;
using Collector.Model;

namespace Collector.Storage;

/// <summary>
/// Re-derives every stored version's text from the raw artifact it was parsed from: each capture that parsers read is
/// parsed again from its stored body (<see cref="ICaptureRederiver"/>), and the text and title of each post the archive
/// says it saw there must be what the page gives. A forger who edits a version and re-seals it (record hash, custody
/// entry, chain and anchors rewritten) is caught here unless the artifact is forged too, which changes its SHA-256.
/// </summary>
public static class VersionTextCheck
{
    /// <summary>How far the text reaches into a problem's expected/actual.</summary>
    private const int Shown = 160;

    public static async Task<VersionTextResult> RunAsync(IArchive archive, ICaptureRederiver rederiver, IProgress<VerifyProgress>? progress,
        List<IntegrityProblem> findings, CancellationToken cancellationToken) =>
        await RunAsync(archive, rederiver, progress, findings, only: null, cancellationToken);

    /// <param name="only">When given, only these captures are parsed again (a bundle's, not the whole archive's).</param>
    public static async Task<VersionTextResult> RunAsync(IArchive archive, ICaptureRederiver rederiver, IProgress<VerifyProgress>? progress,
        List<IntegrityProblem> findings, IReadOnlySet<string>? only, CancellationToken cancellationToken)
    {
        long captures = 0, posts = 0, otherVersion = 0, unversioned = 0;
        await foreach (var capture in archive.QueryCapturesAsync(new CaptureQuery(), cancellationToken))
        {
            if (capture.Posts.Count == 0 || (only is not null && !only.Contains(capture.Id)))
            {
                continue;
            }

            if (capture.ParserVersion is null)
            {
                unversioned++;
                continue;
            }

            if (!string.Equals(capture.ParserVersion, rederiver.ParserVersion, StringComparison.Ordinal))
            {
                otherVersion++;
                continue;
            }

            var again = await rederiver.RederiveAsync(capture, archive.Artifacts, cancellationToken);
            if (again is null)
            {
                findings.Add(new IntegrityProblem(RecordSeal.Captures, capture.Id,
                    "holds posts read by the parsers but no readable stored body to read them from again (see the artifact problems)"));
                continue;
            }

            captures++;
            posts += Compare(capture, again, findings);
            if (captures % 64 == 0)
            {
                progress?.Report(new VerifyProgress("re-derived pages", captures, 0));
            }
        }

        return new VersionTextResult(captures, posts, otherVersion, unversioned);
    }

    private static int Compare(Capture capture, IReadOnlyList<Post> again, List<IntegrityProblem> findings)
    {
        var parsed = new Dictionary<PostKey, Post>();
        foreach (var p in again)
        {
            parsed.TryAdd(p.Key, p);
        }

        foreach (var stored in capture.Posts)
        {
            var key = RecordSeal.PostKeyText(stored.Key) + "@" + capture.Id;
            if (!parsed.TryGetValue(stored.Key, out var page))
            {
                findings.Add(new IntegrityProblem(RecordSeal.Versions, key,
                    $"the post is not on its capture's page: parser {capture.ParserVersion} reads {again.Count} posts from the stored body, none of them this one"));
                continue;
            }

            Field(findings, capture, key, "text", page.Text, stored.Text);
            Field(findings, capture, key, "title", page.Title, stored.Title);
        }

        return capture.Posts.Count;
    }

    private static void Field(List<IntegrityProblem> findings, Capture capture, string key, string field, string? fromPage, string? stored)
    {
        if (!string.Equals(fromPage, stored, StringComparison.Ordinal))
        {
            findings.Add(new IntegrityProblem(RecordSeal.Versions, key,
                $"stored {field} differs from the {field} parser {capture.ParserVersion} reads from the capture's stored body (re-derived; first difference at character {FirstDifference(fromPage, stored)})",
                Quote(fromPage), Quote(stored)));
        }
    }

    private static int FirstDifference(string? a, string? b)
    {
        a ??= "";
        b ??= "";
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    private static string? Quote(string? text) => text is null ? null
        : "\"" + (text.Length <= Shown ? text : text[..Shown] + string.Create(CultureInfo.InvariantCulture, $"… ({text.Length} chars)")) + "\"";
}

/// <summary>What <see cref="VersionTextCheck"/> did: pages re-parsed, posts compared, captures it could not re-derive and why.</summary>
public sealed record VersionTextResult(long Captures, long Posts, long OtherParserVersion, long NoParserVersion);
