using System.Text;
using Collector.Evidence.Timestamps;
using Collector.Model;
using Collector.Storage;

namespace Collector.Evidence.Bundles;

/// <summary>
/// What ties a bundle's posts to its custody chain, checked with no archive: every version the bundle carries against
/// the seal its capture's or import's entry carries; every version the export entry sealed present and unchanged; every
/// capture entry carried whole matched by its capture file; the chain's head equal to the anchor the bundle carries and
/// to the head each stamped run manifest names. Re-hashing a changed post into manifest.json does not help: the custody
/// entries (and through them the anchored or stamped head) still name the old version.
/// </summary>
internal static class BundleCustodyCheck
{
    public static void Run(Dictionary<string, byte[]> files, List<CustodyEntry> entries, List<string> problems, List<string> notes)
    {
        if (entries.Count == 0 || entries.All(e => e.Seals is null && e.SealsDigest is null))
        {
            notes.Add("the bundle's custody entries seal no records (made before sealing): its posts are checked against manifest.json only");
            return;
        }

        var head = entries[^1];
        var versions = ReadVersions(files, problems);
        var bySeal = new Dictionary<string, (Seal Seal, CustodyEntry Entry)>(StringComparer.Ordinal);
        foreach (var e in entries.Where(e => e.Action != BundleSeals.ExportAction))
        {
            foreach (var s in (e.Seals ?? []).Where(s => s.Table == RecordSeal.Versions))
            {
                bySeal[s.Key] = (s, e);
            }
        }

        foreach (var (key, seal) in versions)
        {
            if (!bySeal.TryGetValue(key, out var sealedBy))
            {
                problems.Add($"post version {key} is sealed by no capture or import entry in the bundle");
            }
            else if (sealedBy.Seal.Hash != seal.Hash)
            {
                problems.Add($"post version {key} differs from what custody entry {sealedBy.Entry.Sequence} ({sealedBy.Entry.Action} {sealedBy.Entry.Subject}) sealed: expected {sealedBy.Seal.Hash}, actual {seal.Hash}");
            }
        }

        if (head.Action == BundleSeals.ExportAction)
        {
            foreach (var s in (head.Seals ?? []).Where(s => s.Table == RecordSeal.Versions))
            {
                if (!versions.TryGetValue(s.Key, out var seal))
                {
                    problems.Add($"post version {s.Key} is sealed by the export entry {head.Sequence} but is not in the bundle");
                }
                else if (seal.Hash != s.Hash)
                {
                    problems.Add($"post version {s.Key} differs from what the export entry {head.Sequence} sealed: expected {s.Hash}, actual {seal.Hash}");
                }
            }
        }
        else
        {
            problems.Add($"the bundle's chain ends at entry {head.Sequence} ({head.Action}), not at the export entry that seals what the bundle carries");
        }

        foreach (var e in entries.Where(e => e.Action == "capture" && e.Seals is not null && !files.ContainsKey(BundlePaths.Capture(e.Subject))))
        {
            problems.Add($"capture {e.Subject}: its custody entry {e.Sequence} is in the bundle but {BundlePaths.Capture(e.Subject)} is not");
        }

        var anchored = CheckAnchor(files, head, problems, notes);
        var stamped = CheckStampedHeads(files, entries, problems);
        if (!anchored && stamped == 0)
        {
            notes.Add($"the bundle carries neither an anchor nor a timestamp: its chain ends at entry {head.Sequence} {head.Hash}, which only the archive's anchor file or a published head can confirm");
        }
    }

    private static Dictionary<string, Seal> ReadVersions(Dictionary<string, byte[]> files, List<string> problems)
    {
        var versions = new Dictionary<string, Seal>(StringComparer.Ordinal);
        foreach (var (path, bytes) in files.Where(f => f.Key.StartsWith("posts/", StringComparison.Ordinal) && f.Key.EndsWith(".json", StringComparison.Ordinal)))
        {
            PostHistory? history;
            try
            {
                history = CollectorJson.Deserialize<PostHistory>(Encoding.UTF8.GetString(bytes));
            }
            catch (System.Text.Json.JsonException e)
            {
                problems.Add($"{path} does not parse: {e.Message}");
                continue;
            }

            foreach (var v in history?.Versions ?? [])
            {
                var seal = BundleSeals.Of(history!.Key, v);
                versions[seal.Key] = seal;
                if (PostContentHash.Compute(v.Post) != v.ContentHash)
                {
                    problems.Add($"post version {seal.Key}: its content hash {v.ContentHash} does not match its content ({PostContentHash.Compute(v.Post)})");
                }
            }
        }

        return versions;
    }

    private static bool CheckAnchor(Dictionary<string, byte[]> files, CustodyEntry head, List<string> problems, List<string> notes)
    {
        if (!files.TryGetValue(BundleSeals.AnchorFile, out var bytes))
        {
            return false;
        }

        var anchor = CollectorJson.Deserialize<BundleAnchor>(Encoding.UTF8.GetString(bytes));
        if (anchor is null || anchor.Sequence != head.Sequence || anchor.Hash != head.Hash)
        {
            problems.Add($"{BundleSeals.AnchorFile} names entry {anchor?.Sequence} {anchor?.Hash}, but the chain ends at entry {head.Sequence} {head.Hash}");
            return false;
        }

        notes.Add($"chain head: entry {head.Sequence} {head.Hash}, anchored {anchor.At} ({anchor.Reason}): compare it with the archive's anchor file or the head its keeper recorded");
        return true;
    }

    private static int CheckStampedHeads(Dictionary<string, byte[]> files, List<CustodyEntry> entries, List<string> problems)
    {
        var stamped = 0;
        foreach (var (path, bytes) in files.Where(f => f.Key.StartsWith("timestamps/", StringComparison.Ordinal) && f.Key.EndsWith(".json", StringComparison.Ordinal)))
        {
            if (RunManifest.Parse(bytes)?.CustodyHead is not { } head)
            {
                continue;
            }

            stamped++;
            var entry = entries.FirstOrDefault(e => e.Sequence == head.Sequence);
            if (entry is null)
            {
                problems.Add($"{path} stamps custody head {head.Sequence} {head.Hash}, which is not in the bundle's chain");
            }
            else if (entry.Hash != head.Hash)
            {
                problems.Add($"{path} stamps custody head {head.Sequence} {head.Hash}, but the bundle's entry {head.Sequence} hashes to {entry.Hash}");
            }
        }

        return stamped;
    }
}
