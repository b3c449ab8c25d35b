namespace Collector.Crawler.Politeness;

/// <summary>Why a host is being slowed down.</summary>
public enum ThrottleCause
{
    /// <summary>429 Too Many Requests.</summary>
    RateLimited,

    /// <summary>503 Service Unavailable.</summary>
    Unavailable,

    /// <summary>No answer: a timeout or a reset connection.</summary>
    NoAnswer,
}

/// <summary>A host slowed down: why, until when it is paused (null: only slower), and its pace now (null: unpaced).</summary>
public sealed record HostThrottling(string Reason, DateTimeOffset? PausedUntil, double? Pace);

/// <summary>The host's next slot is further away than a worker should wait: the request goes back to the queue until then.</summary>
public sealed class HostPausedException(string host, DateTimeOffset until, string reason)
    : Exception($"host {host} paused until {until:yyyy-MM-ddTHH:mm:ssZ} ({reason})")
{
    public DateTimeOffset Until { get; } = until;
}
