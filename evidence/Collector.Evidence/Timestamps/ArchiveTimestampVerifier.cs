using Collector.Evidence.Warc;
using Collector.Storage;

namespace Collector.Evidence.Timestamps;

/// <summary>
/// Checks every timestamp the archive's custody log records: the token and manifest artifacts are there, the token is
/// valid, and it stamps exactly that manifest. Returns one precise message per problem (empty when all hold).
/// </summary>
public static class ArchiveTimestampVerifier
{
    public static async Task<(int Checked, IReadOnlyList<string> Problems)> VerifyAsync(IArchive archive, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var read = ArtifactSources.From(archive.Artifacts);
        var count = 0;
        await foreach (var entry in archive.Custody.ReadAsync(1, cancellationToken))
        {
            if (entry.Action != RunManifestStamper.TimestampAction)
            {
                continue;
            }

            count++;
            var where = $"custody #{entry.Sequence} (run {entry.Subject})";
            if (entry.ArtifactHashes.Count < 2)
            {
                problems.Add($"{where}: timestamp entry does not name a token and a manifest");
                continue;
            }

            var token = await read(entry.ArtifactHashes[0], cancellationToken);
            var manifest = await read(entry.ArtifactHashes[1], cancellationToken);
            if (token is null || manifest is null)
            {
                problems.Add($"{where}: {(token is null ? "token " + entry.ArtifactHashes[0] : "manifest " + entry.ArtifactHashes[1])} is missing from the artifact store");
                continue;
            }

            var check = TimestampVerifier.Verify(token, manifest);
            problems.AddRange(check.Problems.Select(p => $"{where}: token {entry.ArtifactHashes[0][..12]}…: {p}"));
        }

        return (count, problems);
    }
}
