using System.Globalization;

namespace Collector.Storage;

/// <summary>
/// The seals of the whole custody log by record (the latest seal of a key wins: a run's record is sealed again at its
/// end), matched off one by one against the records as stored. A record without a seal, a record that no longer hashes
/// as sealed, and a seal whose record is gone are each a problem; records a pre-sealing entry wrote are only counted.
/// </summary>
internal sealed class SealIndex
{
    private readonly Dictionary<string, (Seal Seal, CustodyEntry Entry)> seals = new(StringComparer.Ordinal);
    private readonly HashSet<string> capturesInLog = new(StringComparer.Ordinal);
    private readonly HashSet<string> legacyCaptures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CustodyEntry> namedArtifacts = new(StringComparer.Ordinal);
    private bool legacyImports;
    private bool legacyAny;

    public long LegacyRecords { get; private set; }

    public long CapturesChecked { get; private set; }

    public IReadOnlyDictionary<string, CustodyEntry> NamedArtifacts => namedArtifacts;

    public static SealIndex Build(IEnumerable<CustodyEntry> entries)
    {
        var index = new SealIndex();
        foreach (var e in entries)
        {
            index.Add(e);
        }

        return index;
    }

    public IntegrityProblem? Match(StoredRecord r)
    {
        if (r.Table == RecordSeal.Captures)
        {
            CapturesChecked++;
        }

        if (seals.Remove(Key(r.Table, r.Key), out var found))
        {
            return string.Equals(found.Seal.Hash, r.Hash, StringComparison.Ordinal)
                ? null
                : new IntegrityProblem(r.Table, r.Key, string.Create(CultureInfo.InvariantCulture,
                    $"stored record differs from what custody entry {found.Entry.Sequence} ({found.Entry.Action} {found.Entry.Subject}) sealed"), found.Seal.Hash, r.Hash);
        }

        var capture = r.Table == RecordSeal.Captures ? r.Key : r.CaptureId;
        if (capture is { Length: > 0 })
        {
            if (!capturesInLog.Contains(capture))
            {
                return r.Table == RecordSeal.Captures
                    ? IntegrityProblem.Plain(r.Table, $"capture {capture} has no custody entry (custody entries removed?)")
                    : new IntegrityProblem(r.Table, r.Key, $"belongs to capture {capture}, which has no custody entry", null, r.Hash);
            }

            if (legacyCaptures.Contains(capture))
            {
                LegacyRecords++;
                return null;
            }
        }
        else if (r.Table == RecordSeal.Artifacts && !namedArtifacts.ContainsKey(r.Key))
        {
            return new IntegrityProblem(r.Table, r.Key, "orphaned artifact: stored but named by no custody entry (a capture interrupted before it was recorded)") { IsNote = true };
        }
        else if (r.Table is RecordSeal.Versions or RecordSeal.Observations ? legacyImports : legacyAny)
        {
            LegacyRecords++;
            return null;
        }

        return new IntegrityProblem(r.Table, r.Key, "no custody entry seals this record (added or changed outside Collector?)", null, r.Hash);
    }

    /// <summary>Seals whose record was not found (the queue is working state and is not held to its seals).</summary>
    public IEnumerable<IntegrityProblem> Unmatched() =>
        seals.Values.Where(s => s.Seal.Table != RecordSeal.Queue)
            .OrderBy(s => s.Entry.Sequence)
            .Select(s => new IntegrityProblem(s.Seal.Table, s.Seal.Key, string.Create(CultureInfo.InvariantCulture,
                $"sealed by custody entry {s.Entry.Sequence} ({s.Entry.Action} {s.Entry.Subject}) but no longer stored"), s.Seal.Hash, null));

    private void Add(CustodyEntry e)
    {
        if (e.Action == "capture")
        {
            capturesInLog.Add(e.Subject);
            if (e.Seals is null)
            {
                legacyCaptures.Add(e.Subject);
                legacyAny = true;
            }
        }
        else if (e.Action == ImportLog.BatchAction && e.Seals is null)
        {
            legacyImports = true;
            legacyAny = true;
        }

        foreach (var sha in e.ArtifactHashes)
        {
            namedArtifacts.TryAdd(sha, e);
        }

        // An export entry's seals attest what a bundle carries; every other entry's seal records it wrote.
        if (e.Action != "export")
        {
            foreach (var s in e.Seals ?? [])
            {
                seals[Key(s.Table, s.Key)] = (s, e);
            }
        }
    }

    private static string Key(string table, string key) => table + "\u0001" + key;
}
