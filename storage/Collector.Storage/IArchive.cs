using Collector.Model;

namespace Collector.Storage;

/// <summary>
/// The archive: captures, posts with their versions and observations, tombstones, runs and the crawl queue,
/// beside a content-addressed artifact store and an append-only custody log. Every backend passes the same
/// contract tests (tests/Collector.Storage.Tests/ArchiveContractTests.cs).
/// </summary>
public interface IArchive : IAsyncDisposable
{
    /// <summary>The store URI this archive was opened from (sqlite:PATH or mongodb://…).</summary>
    string Uri { get; }

    IArtifactStore Artifacts { get; }

    ICustodyLog Custody { get; }

    IRequestQueue Queue { get; }

    IRunStore Runs { get; }

    /// <summary>What the verifier reads besides artifacts and the custody log (sealed records, derived rows, files).</summary>
    IArchiveIntegrity Integrity { get; }

    /// <summary>
    /// Records one capture in one transaction: the capture itself; an observation of every post on it (a new version
    /// when the post's content hash changed, a cheap revisit otherwise, metrics kept per observation); a tombstone for
    /// <see cref="Capture.SubjectPost"/> when the outcome is removed or not-found; a custody entry naming the capture's
    /// artifact hashes; and, when <paramref name="context"/> carries a queue lease, the completion of that lease.
    /// Recording the same capture id twice is a no-op that returns the first receipt.
    /// Artifacts must already be in <see cref="Artifacts"/>.
    /// </summary>
    Task<CaptureReceipt> RecordCaptureAsync(Capture capture, CaptureContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings in normalized posts from another tool, marked imported (no artifacts), in batches: each batch is one
    /// transaction with its own custody entry sealing what it stored (<see cref="ImportLog"/>); a closing entry sums up.
    /// </summary>
    Task<ImportReceipt> ImportAsync(IEnumerable<Post> posts, ImportContext context, CancellationToken cancellationToken = default);

    Task<PostHistory?> GetHistoryAsync(PostKey key, CancellationToken cancellationToken = default);

    /// <summary>Posts (latest version each) with first/last seen, version count and tombstone, filtered.</summary>
    IAsyncEnumerable<ArchivedPost> QueryPostsAsync(PostQuery query, CancellationToken cancellationToken = default);

    /// <summary>Full-text search over post text and titles.</summary>
    IAsyncEnumerable<ArchivedPost> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);

    Task<Capture?> GetCaptureAsync(string captureId, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Capture> QueryCapturesAsync(CaptureQuery query, CancellationToken cancellationToken = default);
}

/// <summary>What a capture is recorded with besides itself.</summary>
public sealed record CaptureContext
{
    public static readonly CaptureContext None = new();

    /// <summary>The queue lease this capture completes (same transaction), if any.</summary>
    public QueueLease? Lease { get; init; }

    /// <summary>SHA-256 of the configuration the capture was made under (for the custody log).</summary>
    public string? ConfigHash { get; init; }
}

public sealed record ImportContext
{
    /// <summary>Where the posts came from (file name, tool).</summary>
    public required string Origin { get; init; }

    public string? Source { get; init; }

    /// <summary>SHA-256 of the imported file, named in the custody entry.</summary>
    public string? FileSha256 { get; init; }

    /// <summary>SHA-256 of the configuration in use (for the custody log).</summary>
    public string? ConfigHash { get; init; }

    /// <summary>How many malformed lines the reader has skipped so far (asked at the end, for the closing custody entry).</summary>
    public Func<int>? SkippedLines { get; init; }
}

public sealed record CaptureReceipt
{
    public required string CaptureId { get; init; }
    public int NewPosts { get; init; }
    public int ChangedPosts { get; init; }
    public int UnchangedPosts { get; init; }
    public int Tombstoned { get; init; }

    /// <summary>True when this capture id had been recorded before (nothing was written).</summary>
    public bool Duplicate { get; init; }
}

public sealed record ImportReceipt
{
    public int NewPosts { get; init; }
    public int ChangedPosts { get; init; }
    public int UnchangedPosts { get; init; }
    public int Rejected { get; init; }

    /// <summary>Committed batches, each sealed by a custody entry of its own.</summary>
    public int Batches { get; init; }
}
