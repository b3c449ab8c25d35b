namespace Collector.Storage;

/// <summary>
/// What a backend shows the verifier beyond the artifact store and the custody log: every sealed record as stored now
/// (its canonical hash recomputed from what was read back), the problems only the backend can see (derived rows that
/// disagree with the sealed records, stray files), and where its anchor file lives.
/// </summary>
public interface IArchiveIntegrity
{
    /// <summary>The append-only file the custody log's head is written to after every run and import (null: none).</summary>
    string? AnchorPath { get; }

    /// <summary>Deletes the temporary files a killed writer left behind and returns their paths.</summary>
    Task<IReadOnlyList<string>> RemoveTemporaryFilesAsync(CancellationToken cancellationToken = default);

    /// <summary>How many records <see cref="ReadRecordsAsync"/> will yield (for progress).</summary>
    Task<long> CountRecordsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every sealable record (captures, versions, observations, tombstones, artifacts, finished runs), streamed.</summary>
    IAsyncEnumerable<StoredRecord> ReadRecordsAsync(CancellationToken cancellationToken = default);

    /// <summary>The hashes of the stored artifacts of one kind (for instance every timestamp token, whether or not the log still names it).</summary>
    IAsyncEnumerable<string> ListArtifactsAsync(string kind, CancellationToken cancellationToken = default);

    /// <summary>Problems in what is derived from sealed records (a post's summary row) and in the stored files.</summary>
    IAsyncEnumerable<IntegrityProblem> CheckStorageAsync(CancellationToken cancellationToken = default);
}

/// <summary>A record as stored: table, key, the hash of its canonical form, and the capture it belongs to (if any).</summary>
public sealed record StoredRecord(string Table, string Key, string Hash, string? CaptureId = null);

/// <summary>One thing verification found wrong (or, when <see cref="IsNote"/>, worth saying but not wrong).</summary>
public sealed record IntegrityProblem(string Table, string Key, string Message, string? Expected = null, string? Actual = null)
{
    /// <summary>Reported, but not a failure (an orphaned artifact left by an interrupted capture).</summary>
    public bool IsNote { get; init; }

    /// <summary>A problem whose whole text is given (custody chain and artifact messages keep their established wording).</summary>
    public static IntegrityProblem Plain(string table, string text) => new(table, "", text) { IsPlain = true };

    private bool IsPlain { get; init; }

    public override string ToString() => IsPlain ? Message
        : $"{Table} {Key}: {Message}" + (Expected is null && Actual is null ? "" : $": expected {Expected ?? "nothing"}, actual {Actual ?? "nothing"}");
}
