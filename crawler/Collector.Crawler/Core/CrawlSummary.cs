namespace Collector.Crawler.Core;

/// <summary>What a crawl run did, for the run record, the scheduler and the command line.</summary>
public sealed record CrawlSummary
{
    public required string RunId { get; init; }
    public required string CrawlId { get; init; }

    /// <summary>running is never returned: succeeded, partial, failed or cancelled (<see cref="Storage.RunOutcomes"/>).</summary>
    public required string Outcome { get; init; }

    /// <summary>Pages recorded in this run (captures of any outcome).</summary>
    public long Pages { get; init; }

    /// <summary>Pages by outcome wire name (content, empty, removed, not-found, login-wall, captcha, rate-limited, unrecognized, failed).</summary>
    public IReadOnlyDictionary<string, long> PagesByOutcome { get; init; } = new Dictionary<string, long>();

    /// <summary>Distinct posts stored by this run.</summary>
    public long Posts { get; init; }

    public long PostsNew { get; init; }
    public long PostsChanged { get; init; }
    public long PostsUnchanged { get; init; }
    public long PostsRemoved { get; init; }

    /// <summary>Requests not fetched because robots.txt disallows them.</summary>
    public long RobotsBlocked { get; init; }

    /// <summary>Links not followed because they lead into a private network.</summary>
    public long UnsafeLinksSkipped { get; init; }

    public long MediaStored { get; init; }

    /// <summary>Requests left in the queue (the crawl was stopped, cancelled or hit --max-pages).</summary>
    public long Remaining { get; init; }

    /// <summary>Failed pages counted (outcome failed).</summary>
    public long Failed => PagesByOutcome.GetValueOrDefault("failed");

    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Set when the run stopped itself (credentials refused, logged out: the source should be paused).</summary>
    public string? StoppedBecause { get; init; }

    /// <summary>True when the source found itself logged out (login walls where content belongs) and paused.</summary>
    public bool LoggedOut { get; init; }

    public required TimeSpan Elapsed { get; init; }
}
