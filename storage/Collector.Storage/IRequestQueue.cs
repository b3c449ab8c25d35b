using Collector.Model;

namespace Collector.Storage;

/// <summary>
/// The durable crawl queue: requests deduplicated per crawl by a normalized unique key, handed out under time-limited
/// leases, so that a crawl killed at any moment resumes where it stopped (expired leases are handed out again).
/// </summary>
public interface IRequestQueue
{
    /// <summary>Adds requests not yet known to this crawl (by unique key); returns how many were new.</summary>
    Task<int> EnqueueAsync(string crawlId, IEnumerable<QueueRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>Leases up to <paramref name="max"/> pending requests (or ones whose lease expired) that are due.</summary>
    Task<IReadOnlyList<QueueLease>> LeaseAsync(string crawlId, int max, TimeSpan leaseFor, CancellationToken cancellationToken = default);

    /// <summary>Marks the request done (also done inside <see cref="IArchive.RecordCaptureAsync"/> when a lease is given).</summary>
    Task CompleteAsync(QueueLease lease, PageOutcome outcome, CancellationToken cancellationToken = default);

    /// <summary>Puts the request back, due at <paramref name="notBefore"/>, counting the attempt.</summary>
    Task RetryLaterAsync(QueueLease lease, DateTimeOffset notBefore, string error, CancellationToken cancellationToken = default);

    /// <summary>Gives up on the request with a reason.</summary>
    Task FailAsync(QueueLease lease, string error, CancellationToken cancellationToken = default);

    Task<QueueCounts> CountAsync(string crawlId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Hands every lease of the crawl back as pending (the attempt still counts); returns how many. A crawl calls this
    /// when it starts: nobody else runs it (a source never runs twice at once), so its leases are those of a process
    /// that died, and waiting them out would only delay the resume.
    /// </summary>
    Task<int> ReleaseLeasesAsync(string crawlId, CancellationToken cancellationToken = default);
}

public sealed record QueueRequest
{
    public required string Url { get; init; }

    /// <summary>Dedupe key (normalized URL unless given otherwise).</summary>
    public required string UniqueKey { get; init; }

    /// <summary>Router label (platform handler or page type).</summary>
    public string? Label { get; init; }

    public int Depth { get; init; }

    public string? ParentUrl { get; init; }

    public RenderMode? Render { get; init; }

    /// <summary>Higher first.</summary>
    public int Priority { get; init; }
}

public sealed record QueueLease
{
    public required string CrawlId { get; init; }
    public required QueueRequest Request { get; init; }

    /// <summary>1 for the first attempt.</summary>
    public required int Attempt { get; init; }

    public required string Token { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}

public sealed record QueueCounts(long Pending, long Leased, long Done, long Failed)
{
    public long Total => Pending + Leased + Done + Failed;
}
