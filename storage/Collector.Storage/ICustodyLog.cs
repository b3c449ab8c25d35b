namespace Collector.Storage;

/// <summary>
/// Append-only chain of custody: every capture, import, export, verification and timestamp adds an entry whose hash
/// covers the previous entry's hash, so removing, reordering or altering any entry breaks the chain
/// (<see cref="CustodyChain"/> computes and checks it the same way for every backend).
/// </summary>
public interface ICustodyLog
{
    /// <summary>Appends an entry (sequence, previous hash and hash are filled in) and returns it.</summary>
    Task<CustodyEntry> AppendAsync(CustodyEvent custodyEvent, CancellationToken cancellationToken = default);

    /// <summary>Entries in sequence order, from <paramref name="fromSequence"/> on.</summary>
    IAsyncEnumerable<CustodyEntry> ReadAsync(long fromSequence = 1, CancellationToken cancellationToken = default);

    /// <summary>The last entry (the log's head), or null when the log is empty.</summary>
    Task<CustodyEntry?> HeadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The entries of one <paramref name="action"/> on one <paramref name="subject"/> (the entry that sealed a capture, a
    /// run's manifests), in sequence order, found by index: the log is never read through for them.
    /// </summary>
    IAsyncEnumerable<CustodyEntry> ReadBySubjectAsync(string action, string subject, CancellationToken cancellationToken = default);
}

/// <summary>What happened, for the custody log.</summary>
public sealed record CustodyEvent
{
    /// <summary>capture, import, export, verify, manifest, timestamp.</summary>
    public required string Action { get; init; }

    /// <summary>What it concerns: a capture id, a file name, a run id.</summary>
    public required string Subject { get; init; }

    public IReadOnlyList<string> ArtifactHashes { get; init; } = [];

    public string? ConfigHash { get; init; }

    /// <summary>Free details (URL, counts), kept short.</summary>
    public string? Detail { get; init; }

    /// <summary>The seal of every record this event created or changed (null for events that store no records).</summary>
    public IReadOnlyList<Seal>? Seals { get; init; }
}

public sealed record CustodyEntry
{
    public required long Sequence { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Action { get; init; }
    public required string Subject { get; init; }
    public IReadOnlyList<string> ArtifactHashes { get; init; } = [];
    public required string ToolVersion { get; init; }
    public string? ConfigHash { get; init; }
    public required string Host { get; init; }
    public string? Detail { get; init; }

    /// <summary>The seal of every record the entry's event created or changed; null in entries that seal nothing.</summary>
    public IReadOnlyList<Seal>? Seals { get; init; }

    /// <summary>
    /// SHA-256 of the seals (<see cref="CustodyChain.SealsDigest"/>): what the entry's hash covers, so that a case bundle
    /// can carry an entry without its seals (to link the chain) and it still verifies. Recomputed from
    /// <see cref="Seals"/> wherever they are present.
    /// </summary>
    public string? SealsDigest { get; init; }

    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }
}
