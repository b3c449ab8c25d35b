using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Collector.Evidence.Timestamps;
using Collector.Evidence.Warc;
using Collector.Model;
using Collector.Storage;

namespace Collector.Evidence.Bundles;

/// <summary>
/// Packs a case bundle that can be checked without the archive: every version and observation of the chosen posts, their
/// captures (capture.json, the capture's own WARC, every artifact under its SHA-256), the custody entries and timestamp
/// tokens (with the run manifests they stamp) that cover them, index.html for people, and manifest.json with the SHA-256
/// of every other file. The zip is written beside the target and moved into place when complete; the export itself is
/// recorded in the archive's custody log.
/// </summary>
public static class CaseBundleWriter
{
    public static async Task<BundleSummary> WriteAsync(
        IArchive archive, BundleSelection selection, string outPath, TimeProvider time, CancellationToken cancellationToken = default) =>
        await WriteAsync(archive, selection, outPath, time, trust: null, cancellationToken);

    /// <summary>As above; <paramref name="trust"/> is the time-stamping authority's root to ship as TSA-CA.pem (the demo's).</summary>
    public static Task<BundleSummary> WriteAsync(
        IArchive archive, BundleSelection selection, string outPath, TimeProvider time, BundleTrust? trust, CancellationToken cancellationToken = default) =>
        WriteAsync(archive, selection, outPath, time, trust, rederiver: null, cancellationToken);

    /// <summary>
    /// As above; with <paramref name="rederiver"/>, the verification that gates the export also parses each capture's stored
    /// page again, so a version whose text was edited and re-sealed (hashes, seals and chain recomputed) is refused too.
    /// </summary>
    public static async Task<BundleSummary> WriteAsync(
        IArchive archive, BundleSelection selection, string outPath, TimeProvider time, BundleTrust? trust, ICaptureRederiver? rederiver,
        CancellationToken cancellationToken = default)
    {
        var resolved = await BundleVerificationGate.ResolveVerifiedAsync(archive, selection, rederiver, cancellationToken);
        var created = time.GetUtcNow();
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var read = ArtifactSources.From(archive.Artifacts);

        foreach (var history in resolved.Posts)
        {
            files[BundlePaths.Post(history.Key)] = Json(history);
        }

        foreach (var capture in resolved.Captures)
        {
            files[BundlePaths.Capture(capture.Id)] = Json(capture);
            using var warc = new MemoryStream();
            var file = await CaptureWarcFile.StartAsync(warc, read, $"{capture.Id}.warc.gz", capture.FetchedAt, $"capture {capture.Id} of {capture.FinalUrl}", cancellationToken);
            await file.AddAsync(capture, cancellationToken);
            files[BundlePaths.Warc(capture.Id)] = warc.ToArray();
            foreach (var artifact in capture.Artifacts)
            {
                var bytes = await read(artifact.Sha256, cancellationToken)
                    ?? throw new MissingArtifactException(artifact.Sha256, $"capture {capture.Id}: {artifact.Kind} artifact {artifact.Sha256} is missing from the store");
                files[BundlePaths.Artifact(artifact.Sha256, artifact.ContentType, artifact.Kind)] = bytes;
            }
        }

        // The export entry seals every version the bundle carries, is anchored as the log's head, and ends the bundle's chain.
        var selectionText = selection.Posts.Select(p => "post " + p)
            .Concat(selection.Urls.Select(u => "url " + u))
            .Concat(selection.Chains.Select(c => "chain " + c)).ToList();
        var exportEntry = await archive.Custody.AppendAsync(new CustodyEvent
        {
            Action = BundleSeals.ExportAction,
            Subject = Path.GetFileName(outPath),
            Seals = BundleSeals.Of(resolved.Posts),
            Detail = $"case bundle: {resolved.Posts.Count} posts, {resolved.Captures.Count} captures; {string.Join(", ", selectionText)}",
        }, cancellationToken);
        var (custody, timestamps) = await CollectCustodyAsync(archive, resolved, files, read, exportEntry, cancellationToken);
        files[BundlePaths.Custody] = Encoding.UTF8.GetBytes(string.Concat(custody.Select(e => CollectorJson.Serialize(e) + "\n")));
        if (archive.Integrity.AnchorPath is { } anchorPath
            && CustodyAnchors.Read(anchorPath).Anchors.LastOrDefault(a => a.Sequence == exportEntry.Sequence) is { } anchor)
        {
            files[BundleSeals.AnchorFile] = Json(new BundleAnchor(anchor.Sequence, anchor.Hash, anchor.At, anchor.Reason));
        }

        BundleTrustFiles.Add(files, timestamps, trust);
        files[BundlePaths.Index] = Encoding.UTF8.GetBytes(BundleIndexPage.Render(resolved, custody, timestamps, selectionText, created));

        var manifest = new BundleManifest
        {
            CreatedAt = created,
            Tool = WarcInfo.Software,
            Selection = selectionText,
            Files = [.. files.Select(f => new BundleFile(f.Key, Convert.ToHexStringLower(SHA256.HashData(f.Value)), f.Value.LongLength))],
            Timestamps = timestamps,
        };
        var manifestBytes = manifest.ToBytes();
        await WriteZipAsync(outPath, manifestBytes, files, cancellationToken);

        var manifestSha = Convert.ToHexStringLower(SHA256.HashData(manifestBytes));
        return new BundleSummary(outPath, resolved.Posts.Count, resolved.Captures.Count, files.Count + 1, timestamps.Count, manifestSha);
    }

    private static async Task<(List<CustodyEntry> Entries, List<BundleTimestamp> Timestamps)> CollectCustodyAsync(
        IArchive archive, ResolvedSelection resolved, SortedDictionary<string, byte[]> files, ArtifactSource read, CustodyEntry head, CancellationToken cancellationToken)
    {
        var versionKeys = resolved.Posts.SelectMany(h => h.Versions.Select(v => RecordSeal.VersionKey(RecordSeal.PostKeyText(h.Key), v.Number)))
            .ToHashSet(StringComparer.Ordinal);
        var captureIds = resolved.Captures.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var runIds = resolved.Captures.Select(c => c.RunId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var all = new List<CustodyEntry>();
        await foreach (var entry in archive.Custody.ReadAsync(1, cancellationToken))
        {
            all.Add(entry);
        }

        var chosen = new SortedDictionary<long, CustodyEntry>();
        var linked = new HashSet<long>(); // stamped heads: in the chain, not necessarily whole
        // (the export entry, read back with the rest, is the head: everything the bundle needs comes before it)
        var timestamps = new List<BundleTimestamp>();
        foreach (var entry in all.Where(e => e.Sequence < head.Sequence))
        {
            if ((entry.Action == "capture" && captureIds.Contains(entry.Subject))
                || (entry.Seals?.Any(s => s.Table == RecordSeal.Versions && versionKeys.Contains(s.Key)) ?? false))
            {
                chosen[entry.Sequence] = entry;
            }
            else if (entry.Action is RunManifestStamper.ManifestAction or RunManifestStamper.TimestampAction && runIds.Contains(entry.Subject))
            {
                chosen[entry.Sequence] = entry;
                var manifestSha = entry.Action == RunManifestStamper.ManifestAction ? (entry.ArtifactHashes.Count > 0 ? entry.ArtifactHashes[0] : null) : (entry.ArtifactHashes.Count > 1 ? entry.ArtifactHashes[1] : null);
                var manifest = manifestSha is null ? null : await read(manifestSha, cancellationToken);
                if (manifest is null)
                {
                    continue;
                }

                var manifestPath = BundlePaths.RunManifest(entry.Subject, manifestSha!);
                files[manifestPath] = manifest;
                if (RunManifest.Parse(manifest)?.CustodyHead is { } stampedHead)
                {
                    linked.Add(stampedHead.Sequence);
                }

                if (entry.Action == RunManifestStamper.TimestampAction && await read(entry.ArtifactHashes[0], cancellationToken) is { } token)
                {
                    var tokenPath = BundlePaths.Token(entry.Subject, entry.ArtifactHashes[0]);
                    files[tokenPath] = token;
                    var check = TimestampVerifier.Verify(token, manifest);
                    timestamps.Add(new BundleTimestamp(tokenPath, manifestPath, entry.Subject, Authority(entry.Detail),
                        check.GenTime is { } g ? new DateTimeOffset(DateTime.SpecifyKind(g, DateTimeKind.Utc)) : null));
                }
            }
        }

        return (BundleSeals.Chain(all, chosen.Keys.ToHashSet(), linked, head), timestamps);
    }

    private static string? Authority(string? detail) =>
        detail?.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("tsa=", StringComparison.Ordinal))?[4..];

    private static async Task WriteZipAsync(string outPath, byte[] manifest, SortedDictionary<string, byte[]> files, CancellationToken cancellationToken)
    {
        var partial = outPath + ".partial-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write))
            await using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                await AddAsync(zip, BundleManifest.FileName, manifest, cancellationToken);
                foreach (var (path, bytes) in files)
                {
                    await AddAsync(zip, path, bytes, cancellationToken);
                }
            }

            File.Move(partial, outPath, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static async Task AddAsync(ZipArchive zip, string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var already = path.EndsWith(".gz", StringComparison.Ordinal) || path.EndsWith(".png", StringComparison.Ordinal) || path.EndsWith(".jpg", StringComparison.Ordinal);
        var entry = zip.CreateEntry(path, already ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private static byte[] Json<T>(T value) => Encoding.UTF8.GetBytes(CollectorJson.Serialize(value, indented: true));
}

public sealed record BundleSummary(string Path, int Posts, int Captures, int Files, int Timestamps, string ManifestSha256);
