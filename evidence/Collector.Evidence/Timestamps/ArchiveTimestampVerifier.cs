using System.Globalization;
using Collector.Evidence.Warc;
using Collector.Model;
using Collector.Storage;

namespace Collector.Evidence.Timestamps;

/// <summary>
/// Checks every timestamp the archive holds: each token the custody log names (the token and manifest artifacts are
/// there, the token is valid, it stamps exactly that manifest), and each stored token the log no longer names (its
/// entries were removed). Then every stamped manifest's custody head must still be in the log with the same hash: a log
/// shorter than, or diverging from, a head an authority stamped fails, even when the anchor file was rewritten with it.
/// Returns one precise message per problem (empty when all hold).
/// </summary>
public static class ArchiveTimestampVerifier
{
    public static async Task<(int Checked, IReadOnlyList<string> Problems)> VerifyAsync(IArchive archive, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var read = ArtifactSources.From(archive.Artifacts);
        var log = new Dictionary<long, CustodyEntry>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        var stamped = new List<(string Where, TimestampCheck Check, byte[] Manifest)>();
        long last = 0;
        await foreach (var entry in archive.Custody.ReadAsync(1, cancellationToken))
        {
            log.TryAdd(entry.Sequence, entry);
            last = entry.Sequence;
            if (entry.Action != RunManifestStamper.TimestampAction)
            {
                continue;
            }

            var where = $"custody #{entry.Sequence} (run {entry.Subject})";
            if (entry.ArtifactHashes.Count < 2)
            {
                problems.Add($"{where}: timestamp entry does not name a token and a manifest");
                continue;
            }

            named.Add(entry.ArtifactHashes[0]);
            var token = await read(entry.ArtifactHashes[0], cancellationToken);
            var manifest = await read(entry.ArtifactHashes[1], cancellationToken);
            if (token is null || manifest is null)
            {
                problems.Add($"{where}: {(token is null ? "token " + entry.ArtifactHashes[0] : "manifest " + entry.ArtifactHashes[1])} is missing from the artifact store");
                continue;
            }

            var check = TimestampVerifier.Verify(token, manifest);
            problems.AddRange(check.Problems.Select(p => $"{where}: token {entry.ArtifactHashes[0][..12]}…: {p}"));
            if (check.Valid)
            {
                stamped.Add((where, check, manifest));
            }
        }

        var count = named.Count;
        await foreach (var sha in archive.Integrity.ListArtifactsAsync(ArtifactKinds.Timestamp, cancellationToken))
        {
            if (named.Contains(sha) || await read(sha, cancellationToken) is not { } token)
            {
                continue; // a missing token file is the artifact check's to report
            }

            count++;
            var where = $"stored token {sha[..12]}…";
            var imprint = TimestampVerifier.VerifyHash(token, new byte[32]).ImprintHex;
            var manifest = imprint is null ? null : await read(imprint, cancellationToken);
            var check = manifest is null ? null : TimestampVerifier.Verify(token, manifest);
            problems.Add($"{where}: a timestamp token is stored but no custody entry names it (stamped {check?.GenTime:yyyy-MM-ddTHH:mm:ssZ}): the log lost the entries that recorded it");
            if (check is { Valid: true })
            {
                stamped.Add((where, check, manifest!));
            }
        }

        foreach (var (where, check, manifest) in stamped)
        {
            problems.AddRange(CompareHead(where, check, manifest, log, last));
        }

        return (count, problems);
    }

    /// <summary>The custody head a stamped manifest holds must be in the log, with the same hash.</summary>
    private static IEnumerable<string> CompareHead(string where, TimestampCheck check, byte[] manifestBytes, Dictionary<long, CustodyEntry> log, long last)
    {
        var manifest = TryParse(manifestBytes);
        if (manifest?.CustodyHead is not { } head)
        {
            yield break;
        }

        var stampedAt = check.GenTime?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (!log.TryGetValue(head.Sequence, out var entry))
        {
            yield return head.Sequence > last
                ? string.Create(CultureInfo.InvariantCulture,
                    $"{where}: custody log is shorter than the head stamped in run {manifest.RunId}'s manifest at {stampedAt}: the log ends at entry {last}, the manifest saw entry {head.Sequence} {head.Hash}; entries were removed from its end")
                : string.Create(CultureInfo.InvariantCulture, $"{where}: custody entry {head.Sequence}, stamped in run {manifest.RunId}'s manifest at {stampedAt}, is missing");
        }
        else if (!string.Equals(entry.Hash, head.Hash, StringComparison.Ordinal))
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{where}: custody log diverges from the head stamped in run {manifest.RunId}'s manifest at {stampedAt}: entry {head.Sequence}: expected {head.Hash}, actual {entry.Hash}");
        }
    }

    private static RunManifest? TryParse(byte[] bytes)
    {
        try
        {
            return RunManifest.Parse(bytes);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
