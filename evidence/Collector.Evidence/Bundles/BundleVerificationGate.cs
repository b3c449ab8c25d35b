using Collector.Model;
using Collector.Storage;

namespace Collector.Evidence.Bundles;

/// <summary>
/// A bundle is only written from records that verify: before packing, the archive is verified and every problem that
/// concerns what the bundle would carry (its posts' versions, observations, tombstones and summary rows, their captures
/// and artifacts, the custody chain and its anchors) refuses the export. Problems elsewhere in the archive do not.
/// </summary>
public static class BundleVerificationGate
{
    public static Task EnsureVerifiedAsync(IArchive archive, ResolvedSelection resolved, CancellationToken cancellationToken) =>
        EnsureVerifiedAsync(archive, resolved, rederiver: null, cancellationToken);

    /// <param name="rederiver">When given, each version's text is also re-derived from its capture's stored page.</param>
    public static async Task EnsureVerifiedAsync(IArchive archive, ResolvedSelection resolved, ICaptureRederiver? rederiver, CancellationToken cancellationToken)
    {
        var captures = resolved.Captures.Select(c => c.Id)
            .Concat(resolved.Posts.SelectMany(h => h.Versions.Select(v => v.CaptureId).Concat(h.Observations.Select(o => o.CaptureId)).Append(h.Tombstone?.CaptureId)))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        var result = await ArchiveVerifier.VerifyAsync(archive, cancellationToken);
        var findings = result.Findings.ToList();
        if (rederiver is not null)
        {
            // only the pages the bundle carries are parsed again, not the whole archive's
            await VersionTextCheck.RunAsync(archive, rederiver, progress: null, findings, captures, cancellationToken);
            findings.RemoveAll(f => f.IsNote);
        }

        if (findings.Count == 0)
        {
            return;
        }

        var posts = resolved.Posts.Select(h => RecordSeal.PostKeyText(h.Key)).ToHashSet(StringComparer.Ordinal);
        var artifacts = resolved.Captures.SelectMany(c => c.Artifacts).Select(a => a.Sha256).ToHashSet(StringComparer.Ordinal);
        var runs = resolved.Captures.Select(c => c.RunId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var relevant = findings.Where(f => f.Table == RecordSeal.Runs ? runs.Contains(f.Key) : Concerns(f, posts, captures, artifacts)).ToList();
        if (relevant.Count > 0)
        {
            throw new BundleRefusedException(relevant);
        }
    }

    /// <summary>
    /// When the selection cannot even be resolved (a post's history names a capture that is gone), verification says
    /// why: if the archive has any problem, the export is refused with them rather than reported as a bad selection.
    /// </summary>
    public static Task<ResolvedSelection> ResolveVerifiedAsync(IArchive archive, BundleSelection selection, CancellationToken cancellationToken) =>
        ResolveVerifiedAsync(archive, selection, rederiver: null, cancellationToken);

    public static async Task<ResolvedSelection> ResolveVerifiedAsync(IArchive archive, BundleSelection selection, ICaptureRederiver? rederiver, CancellationToken cancellationToken)
    {
        ResolvedSelection resolved;
        try
        {
            resolved = await BundleSelectionResolver.ResolveAsync(archive, selection, cancellationToken);
        }
        catch (BundleSelectionException)
        {
            var result = await ArchiveVerifier.VerifyAsync(archive, cancellationToken);
            if (!result.IsClean)
            {
                throw new BundleRefusedException(result.Findings);
            }

            throw;
        }

        await EnsureVerifiedAsync(archive, resolved, rederiver, cancellationToken);
        return resolved;
    }

    private static bool Concerns(IntegrityProblem f, HashSet<string> posts, HashSet<string> captures, HashSet<string> artifacts) => f.Table switch
    {
        "custody" or "anchors" => true,
        RecordSeal.Captures => captures.Contains(f.Key) || captures.Any(c => f.Message.Contains("capture " + c + " ", StringComparison.Ordinal)),
        RecordSeal.Artifacts => artifacts.Contains(f.Key) || artifacts.Any(a => f.Message.Contains(a, StringComparison.Ordinal)),
        RecordSeal.Versions or RecordSeal.Observations or RecordSeal.Tombstones or "posts" =>
            posts.Any(p => f.Key == p || f.Key.StartsWith(p + "/", StringComparison.Ordinal) || f.Key.StartsWith(p + "@", StringComparison.Ordinal))
            || captures.Any(c => f.Message.Contains("capture " + c + ",", StringComparison.Ordinal)),
        _ => false,
    };
}

/// <summary>The export was refused: records it would carry fail verification.</summary>
public sealed class BundleRefusedException(IReadOnlyList<IntegrityProblem> problems)
    : Exception($"refusing to export: {problems.Count} record(s) the bundle would carry fail verification:\n  " + string.Join("\n  ", problems))
{
    public IReadOnlyList<IntegrityProblem> Problems { get; } = problems;
}
