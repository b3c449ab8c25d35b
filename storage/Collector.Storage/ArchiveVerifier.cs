using System.Globalization;

namespace Collector.Storage;

/// <summary>
/// The verification walk every backend shares: temporary leftovers removed; the custody chain walked
/// (<see cref="CustodyChain.Check"/>) and held against every anchor (<see cref="CustodyAnchors"/>); every artifact re-hashed
/// (content, stored bytes and length); every stored record recomputed and compared with the seal its custody entry
/// carries (<see cref="RecordSeal"/>), records without a seal and seals without a record named; then what only the
/// backend can see (<see cref="IArchiveIntegrity.CheckStorageAsync"/>). Records and artifacts are streamed.
/// </summary>
public static class ArchiveVerifier
{
    public static Task<ArchiveVerification> VerifyAsync(IArchive archive, CancellationToken cancellationToken = default) =>
        VerifyAsync(archive, null, cancellationToken);

    public static Task<ArchiveVerification> VerifyAsync(IArchive archive, IProgress<VerifyProgress>? progress, CancellationToken cancellationToken = default) =>
        VerifyAsync(archive, null, progress, cancellationToken);

    /// <param name="rederiver">When given, every version's text is also re-derived from its capture's stored body (<see cref="VersionTextCheck"/>).</param>
    public static async Task<ArchiveVerification> VerifyAsync(IArchive archive, ICaptureRederiver? rederiver, IProgress<VerifyProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var removed = await archive.Integrity.RemoveTemporaryFilesAsync(cancellationToken);
        var findings = new List<IntegrityProblem>();

        var entries = new List<CustodyEntry>();
        await foreach (var e in archive.Custody.ReadAsync(1, cancellationToken))
        {
            entries.Add(e);
        }

        findings.AddRange(CustodyChain.Check(entries).Select(p => IntegrityProblem.Plain("custody", p)));
        var anchors = CheckAnchors(archive.Integrity.AnchorPath, entries, findings);
        var seals = SealIndex.Build(entries);

        var (artifacts, bytes) = await CheckArtifactsAsync(archive, seals, findings, progress, cancellationToken);

        long records = 0;
        var total = await archive.Integrity.CountRecordsAsync(cancellationToken);
        await foreach (var r in archive.Integrity.ReadRecordsAsync(cancellationToken))
        {
            records++;
            if (records % 1024 == 0)
            {
                progress?.Report(new VerifyProgress("records", records, total));
            }

            if (seals.Match(r) is { } problem)
            {
                findings.Add(problem);
            }
        }

        progress?.Report(new VerifyProgress("records", records, total));
        findings.AddRange(seals.Unmatched());
        var rederived = rederiver is null ? null : await VersionTextCheck.RunAsync(archive, rederiver, progress, findings, cancellationToken);
        await foreach (var p in archive.Integrity.CheckStorageAsync(cancellationToken))
        {
            findings.Add(p);
        }

        return new ArchiveVerification
        {
            Findings = findings.Where(f => !f.IsNote).ToList(),
            Notes = findings.Where(f => f.IsNote).Select(f => f.ToString())
                .Concat(seals.LegacyRecords > 0 ? [string.Create(CultureInfo.InvariantCulture, $"{seals.LegacyRecords} records were written before sealing began and carry no seal")] : [])
                .Concat(RederivationNotes(rederived, rederiver))
                .ToList(),
            RemovedTemporaryFiles = removed,
            ArtifactsChecked = artifacts,
            BytesChecked = bytes,
            CustodyEntries = entries.Count,
            Captures = seals.CapturesChecked,
            RecordsChecked = records,
            Head = entries.Count > 0 ? entries[^1] : null,
            Anchors = anchors,
            Rederived = rederived,
            Elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started),
        };
    }

    private static IEnumerable<string> RederivationNotes(VersionTextResult? r, ICaptureRederiver? rederiver)
    {
        if (r is { OtherParserVersion: > 0 })
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{r.OtherParserVersion} captures were read by other parser versions than this build's {rederiver!.ParserVersion}: their text was not re-derived");
        }

        if (r is { NoParserVersion: > 0 })
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{r.NoParserVersion} captures name no parser version (recorded before versions were, or read by a custom handler): their text was not re-derived");
        }
    }

    private static async Task<(long Count, long Bytes)> CheckArtifactsAsync(IArchive archive, SealIndex seals, List<IntegrityProblem> findings,
        IProgress<VerifyProgress>? progress, CancellationToken ct)
    {
        var stored = new HashSet<string>(StringComparer.Ordinal);
        long artifacts = 0, bytes = 0;
        await foreach (var sha in archive.Artifacts.ListAsync(ct))
        {
            stored.Add(sha);
        }

        foreach (var sha in stored.Order(StringComparer.Ordinal))
        {
            var check = await archive.Artifacts.VerifyAsync(sha, ct);
            artifacts++;
            bytes += check.Length;
            progress?.Report(new VerifyProgress("artifacts", artifacts, stored.Count) { Bytes = bytes });
            var text = check.State switch
            {
                ArtifactState.Missing => $"missing artifact {sha} ({check.Location ?? "no stored bytes"})",
                ArtifactState.Altered when check.Detail is not null && check.ActualSha256 == sha => $"altered artifact {sha}: {check.Detail} ({check.Location})",
                ArtifactState.Altered when check.ActualSha256 is not null => $"altered artifact {sha}: expected sha256 {sha}, actual {check.ActualSha256} ({check.Location})",
                ArtifactState.Altered => $"altered artifact {sha}: expected sha256 {sha}, stored bytes unreadable: {check.Detail} ({check.Location})",
                _ => null,
            };
            if (text is not null)
            {
                findings.Add(IntegrityProblem.Plain(RecordSeal.Artifacts, text));
            }
        }

        foreach (var (sha, entry) in seals.NamedArtifacts)
        {
            if (!stored.Contains(sha))
            {
                findings.Add(IntegrityProblem.Plain(RecordSeal.Artifacts, string.Create(CultureInfo.InvariantCulture,
                    $"missing artifact {sha}: named by custody entry {entry.Sequence} ({entry.Action} {entry.Subject}) but not stored")));
            }
        }

        return (artifacts, bytes);
    }

    /// <summary>Every anchor must name an entry the log still has, with the same hash.</summary>
    private static IReadOnlyList<Anchor> CheckAnchors(string? path, List<CustodyEntry> entries, List<IntegrityProblem> findings)
    {
        if (path is null)
        {
            return [];
        }

        var (anchors, unreadable) = CustodyAnchors.Read(path);
        findings.AddRange(unreadable.Select(p => IntegrityProblem.Plain("anchors", p)));
        var bySequence = new Dictionary<long, CustodyEntry>();
        foreach (var e in entries)
        {
            bySequence.TryAdd(e.Sequence, e);
        }

        var last = entries.Count > 0 ? entries[^1].Sequence : 0;
        foreach (var a in anchors)
        {
            if (!bySequence.TryGetValue(a.Sequence, out var e))
            {
                findings.Add(new IntegrityProblem("custody", a.Sequence.ToString(CultureInfo.InvariantCulture),
                    a.Sequence > last
                        ? $"custody log is shorter than its anchor of {a.At} ({a.Reason}): it ends at entry {last}, the anchor saw entry {a.Sequence}; entries were removed from its end"
                        : $"custody entry {a.Sequence}, anchored at {a.At} ({a.Reason}), is missing",
                    a.Hash, null));
            }
            else if (!string.Equals(e.Hash, a.Hash, StringComparison.Ordinal))
            {
                findings.Add(new IntegrityProblem("custody", a.Sequence.ToString(CultureInfo.InvariantCulture),
                    $"custody log diverges from its anchor of {a.At} ({a.Reason}) at entry {a.Sequence}", a.Hash, e.Hash));
            }
        }

        return anchors;
    }
}

/// <summary>How far verification has got (artifacts, then records).</summary>
public sealed record VerifyProgress(string Phase, long Done, long Total)
{
    public long Bytes { get; init; }
}

/// <summary>What <see cref="ArchiveVerifier"/> found.</summary>
public sealed record ArchiveVerification
{
    /// <summary>Every problem, each naming the table (or collection), the key and where it applies the expected and actual hash.</summary>
    public required IReadOnlyList<IntegrityProblem> Findings { get; init; }

    public IReadOnlyList<string> Problems => Findings.Select(f => f.ToString()).ToList();

    /// <summary>Worth saying, not wrong (orphaned artifacts of interrupted captures, records from before sealing).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Temporary files a killed writer had left, removed before verifying.</summary>
    public IReadOnlyList<string> RemovedTemporaryFiles { get; init; } = [];

    public long ArtifactsChecked { get; init; }
    public long BytesChecked { get; init; }
    public long CustodyEntries { get; init; }
    public long Captures { get; init; }
    public long RecordsChecked { get; init; }

    /// <summary>The custody log's last entry (its head), or null when the log is empty.</summary>
    public CustodyEntry? Head { get; init; }

    public IReadOnlyList<Anchor> Anchors { get; init; } = [];

    /// <summary>What re-deriving the versions' text from their stored bodies covered (null when no parsers were given).</summary>
    public VersionTextResult? Rederived { get; init; }

    public TimeSpan Elapsed { get; init; }
    public bool IsClean => Findings.Count == 0;
}
