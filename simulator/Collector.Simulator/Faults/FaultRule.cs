namespace Collector.Simulator.Faults;

/// <summary>
/// A switched-on fault: which host and path it hits and how often. A rule with a <see cref="Count"/> hits that many
/// requests and then switches itself off; without one it stays until removed.
/// </summary>
public sealed record FaultRule
{
    public required FaultKind Kind { get; init; }

    /// <summary>The host it hits; null for every host.</summary>
    public SimPlatform? Platform { get; init; }

    /// <summary>Only paths starting with this (e.g. "/r/worldnews"); null for every path. robots.txt is never faulted unless named.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>How many requests it hits; null for all of them until removed.</summary>
    public int? Count { get; init; }

    /// <summary>Retry-After for <see cref="FaultKind.RateLimit"/> and <see cref="FaultKind.ServiceUnavailable"/> (whole seconds).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The delay of <see cref="FaultKind.Slow"/>.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The body size of <see cref="FaultKind.HugePage"/>.</summary>
    public long Size { get; init; } = 30L * 1024 * 1024;

    /// <summary><see cref="FaultKind.HugePage"/> sent chunked, with no Content-Length (the size shows only while reading).</summary>
    public bool Chunked { get; init; }

    /// <summary>Overrides the status of the login-wall and CAPTCHA pages (200 by default, as many platforms serve them).</summary>
    public int? Status { get; init; }

    public bool Matches(SimPlatform platform, string path) =>
        (Platform is null || Platform == platform)
        && (PathPrefix is null ? !path.Equals("/robots.txt", StringComparison.Ordinal) : path.StartsWith(PathPrefix, StringComparison.Ordinal));
}

/// <summary>A rule as the switchboard holds it: its id and how many hits it has left.</summary>
public sealed record ActiveFault(string Id, FaultRule Rule, int? Remaining, int Hits);
