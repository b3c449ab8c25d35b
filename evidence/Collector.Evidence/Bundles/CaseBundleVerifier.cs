using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Collector.Evidence.Timestamps;
using Collector.Evidence.Warc;
using Collector.Model;
using Collector.Storage;

namespace Collector.Evidence.Bundles;

/// <summary>
/// Checks a case bundle on its own, with no archive: every file against manifest.json (altered with expected and actual
/// hash; missing; unlisted), every artifact against the hash it is named for, every WARC record's digests, the custody
/// entries' hashes and links, each capture's artifacts against its custody entry, and every timestamp token against the
/// run manifest it claims to stamp. Each problem is one precise sentence.
/// </summary>
public static class CaseBundleVerifier
{
    public static BundleVerification Verify(string zipPath) => Verify(zipPath, null);

    public static BundleVerification Verify(string zipPath, BundleReader.Limits? limits)
    {
        if (!File.Exists(zipPath))
        {
            return BundleVerification.Fail($"{zipPath}: no such file");
        }

        BundleReader.Contents contents;
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            contents = BundleReader.Read(zip, limits ?? BundleReader.Limits.Default);
        }
        catch (InvalidDataException e)
        {
            return BundleVerification.Fail($"{zipPath} is not a readable zip: {e.Message}");
        }

        var files = contents.Parsed;
        if (!files.TryGetValue(BundleManifest.FileName, out var manifestBytes))
        {
            return BundleVerification.Fail("manifest.json is missing: not a Collector case bundle, or its manifest was removed");
        }

        BundleManifest? manifest;
        try
        {
            manifest = BundleManifest.Parse(manifestBytes);
        }
        catch (System.Text.Json.JsonException e)
        {
            return BundleVerification.Fail($"manifest.json does not parse: {e.Message}");
        }

        if (manifest is null || manifest.Format != BundleManifest.FormatName)
        {
            return BundleVerification.Fail($"manifest.json is not a {BundleManifest.FormatName} manifest");
        }

        var problems = new List<string>(contents.Problems);
        var notes = new List<string>();
        var intact = CheckFiles(manifest, contents.Hashes, problems);
        CheckArtifacts(contents.Hashes, intact, problems);
        var captures = CheckCaptures(files, contents.Hashes, intact, problems);
        var entries = CheckCustody(files, captures, problems, notes);
        BundleCustodyCheck.Run(files, entries, problems, notes);
        CheckTimestamps(manifest, files, captures, problems, notes);
        notes.Insert(0, $"{manifest.Files.Count} files, {captures.Count} captures, {manifest.Timestamps.Count} timestamp tokens; made {UtcDateTimeOffsetConverter.ToWire(manifest.CreatedAt)} by {manifest.Tool}");
        return new BundleVerification(problems.Count == 0, problems, notes);
    }

    private static HashSet<string> CheckFiles(BundleManifest manifest, Dictionary<string, string> files, List<string> problems)
    {
        var intact = new HashSet<string>(StringComparer.Ordinal);
        var listed = new HashSet<string>(StringComparer.Ordinal) { BundleManifest.FileName };
        foreach (var file in manifest.Files)
        {
            listed.Add(file.Path);
            if (!files.TryGetValue(file.Path, out var actual))
            {
                problems.Add($"missing file: {file.Path} (listed in manifest.json with sha256 {file.Sha256}, not in the bundle)");
                continue;
            }

            if (actual != file.Sha256)
            {
                problems.Add($"altered file: {file.Path}: manifest.json says sha256 {file.Sha256}, the file hashes to {actual}");
                continue;
            }

            intact.Add(file.Path);
        }

        problems.AddRange(files.Keys.Where(p => !listed.Contains(p)).Order(StringComparer.Ordinal)
            .Select(p => $"unlisted file: {p} is in the bundle but not in manifest.json"));
        return intact;
    }

    private static void CheckArtifacts(Dictionary<string, string> hashes, HashSet<string> intact, List<string> problems)
    {
        foreach (var (path, sha) in hashes)
        {
            if (BundlePaths.ArtifactHash(path) is { } named && intact.Contains(path) && sha != named)
            {
                problems.Add($"altered artifact: {path} is named for sha256 {named} but hashes to {sha}");
            }
        }
    }

    private static Dictionary<string, Capture> CheckCaptures(Dictionary<string, byte[]> files, Dictionary<string, string> hashes, HashSet<string> intact, List<string> problems)
    {
        var captures = new Dictionary<string, Capture>(StringComparer.Ordinal);
        var artifactsByHash = hashes.Keys.Where(p => BundlePaths.ArtifactHash(p) is not null).ToDictionary(p => BundlePaths.ArtifactHash(p)!, p => p, StringComparer.Ordinal);
        foreach (var path in files.Keys.Where(p => p.StartsWith("captures/", StringComparison.Ordinal) && p.EndsWith("/capture.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            Capture? capture;
            try
            {
                capture = CollectorJson.Deserialize<Capture>(Encoding.UTF8.GetString(files[path]));
            }
            catch (System.Text.Json.JsonException e)
            {
                problems.Add($"{path} does not parse: {e.Message}");
                continue;
            }

            if (capture is null)
            {
                continue;
            }

            captures[capture.Id] = capture;
            foreach (var artifact in capture.Artifacts.Where(a => !artifactsByHash.ContainsKey(a.Sha256)))
            {
                problems.Add($"missing artifact: capture {capture.Id} names {artifact.Kind} {artifact.Sha256}, which is not in artifacts/");
            }

            var warcPath = BundlePaths.Warc(capture.Id);
            if (files.TryGetValue(warcPath, out var warc) && intact.Contains(warcPath))
            {
                try
                {
                    var records = WarcReader.ReadAll(warc);
                    foreach (var record in records)
                    {
                        problems.AddRange(record.CheckDigests().Select(p => $"{warcPath}: {p}"));
                    }

                    problems.AddRange(WarcRevisits.Check(records).Select(p => $"{warcPath}: {p}"));
                }
                catch (WarcFormatException e)
                {
                    problems.Add($"{warcPath} does not parse as WARC: {e.Message}");
                }
            }
        }

        return captures;
    }

    private static List<CustodyEntry> CheckCustody(Dictionary<string, byte[]> files, Dictionary<string, Capture> captures, List<string> problems, List<string> notes)
    {
        if (!files.TryGetValue(BundlePaths.Custody, out var bytes))
        {
            return [];
        }

        var entries = new List<CustodyEntry>();
        foreach (var (line, number) in Encoding.UTF8.GetString(bytes).Split('\n').Select((l, i) => (l, i + 1)).Where(x => x.l.Trim().Length > 0))
        {
            try
            {
                entries.Add(CollectorJson.Deserialize<CustodyEntry>(line)!);
            }
            catch (System.Text.Json.JsonException e)
            {
                problems.Add($"{BundlePaths.Custody} line {number} does not parse: {e.Message}");
            }
        }

        CustodyEntry? previous = null;
        foreach (var entry in entries)
        {
            var computed = CustodyChain.ComputeHash(entry);
            if (computed != entry.Hash)
            {
                problems.Add($"custody entry {entry.Sequence} altered: stored hash {entry.Hash}, recomputed {computed}");
            }

            if (previous is not null && entry.Sequence <= previous.Sequence)
            {
                problems.Add($"custody entries out of order: entry {entry.Sequence} follows entry {previous.Sequence}");
            }
            else if (previous is not null && entry.Sequence > previous.Sequence + 1)
            {
                problems.Add($"custody entries {previous.Sequence + 1} to {entry.Sequence - 1} are missing from the bundle's chain");
            }
            else if (previous is not null && entry.Sequence == previous.Sequence + 1 && entry.PreviousHash != previous.Hash)
            {
                problems.Add($"broken link at custody entry {entry.Sequence}: previous hash {entry.PreviousHash} is not the hash of entry {previous.Sequence} ({previous.Hash})");
            }
            else if (entry.Sequence == 1 && entry.PreviousHash != CustodyChain.GenesisHash)
            {
                problems.Add($"custody entry 1 does not start the chain (previous hash {entry.PreviousHash})");
            }

            previous = entry;
        }

        foreach (var capture in captures.Values)
        {
            var entry = entries.FirstOrDefault(e => e.Action == "capture" && e.Subject == capture.Id);
            if (entry is null)
            {
                notes.Add($"capture {capture.Id} has no custody entry in the bundle");
                continue;
            }

            foreach (var artifact in capture.Artifacts.Where(a => !entry.ArtifactHashes.Contains(a.Sha256)))
            {
                problems.Add($"capture {capture.Id}: artifact {artifact.Sha256} ({artifact.Kind}) is not named by its custody entry {entry.Sequence}");
            }
        }

        return entries;
    }

    private static void CheckTimestamps(BundleManifest manifest, Dictionary<string, byte[]> files, Dictionary<string, Capture> captures, List<string> problems, List<string> notes)
    {
        foreach (var stamp in manifest.Timestamps)
        {
            if (!files.TryGetValue(stamp.Token, out var token) || !files.TryGetValue(stamp.Manifest, out var runManifest))
            {
                continue; // reported as a missing file already
            }

            var check = TimestampVerifier.Verify(token, runManifest);
            if (!check.Valid)
            {
                problems.AddRange(check.Problems.Select(p => $"timestamp {stamp.Token} for {stamp.Manifest}: {p}"));
                continue;
            }

            notes.Add($"timestamp {stamp.Token}: {check.Authority} stamped {stamp.Manifest} at {check.GenTime:yyyy-MM-ddTHH:mm:ssZ} (chain: {check.Chain})");
            var parsed = RunManifest.Parse(runManifest);
            foreach (var capture in captures.Values.Where(c => c.RunId == stamp.RunId))
            {
                var listed = parsed?.Captures.FirstOrDefault(c => c.Id == capture.Id);
                if (listed is null)
                {
                    problems.Add($"capture {capture.Id} belongs to run {stamp.RunId} but is not in its stamped manifest {stamp.Manifest}");
                }
                else if (!listed.Artifacts.Select(a => a.Sha256).Order().SequenceEqual(capture.Artifacts.Select(a => a.Sha256).Order()))
                {
                    problems.Add($"capture {capture.Id}: its artifacts differ from those in the stamped manifest {stamp.Manifest}");
                }
            }
        }
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

/// <summary>The outcome of checking a bundle: problems (empty when it holds) and what was found.</summary>
public sealed record BundleVerification(bool Valid, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    public static BundleVerification Fail(string problem) => new(false, [problem], []);
}
