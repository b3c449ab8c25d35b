using System.Collections.Concurrent;
using Collector.Crawler.Fetching;

namespace Collector.Crawler.Politeness;

/// <summary>
/// robots.txt per origin, fetched once (through the crawl's own polite, retrying fetch) and kept for a day.
/// 2xx: the rules; 4xx: everything allowed; 5xx or unreachable: everything disallowed (RFC 9309 2.3.1).
/// </summary>
public sealed class RobotsCache(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _byOrigin = new(StringComparer.OrdinalIgnoreCase);

    public async Task<RobotsTxt> GetAsync(Uri url, Func<Uri, CancellationToken, Task<FetchResult>> fetch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(fetch);
        var origin = url.GetLeftPart(UriPartial.Authority);
        while (true)
        {
            var lazy = _byOrigin.GetOrAdd(origin, o => new Lazy<Task<Entry>>(() => LoadAsync(new Uri(o + "/robots.txt"), fetch, cancellationToken)));
            var entry = await lazy.Value;
            if (time.GetUtcNow() - entry.At < Lifetime)
            {
                return entry.Robots;
            }

            _byOrigin.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(origin, lazy));
        }
    }

    private async Task<Entry> LoadAsync(Uri robotsUrl, Func<Uri, CancellationToken, Task<FetchResult>> fetch, CancellationToken cancellationToken)
    {
        var result = await fetch(robotsUrl, cancellationToken);
        var robots = result.Status switch
        {
            >= 200 and < 300 when result.Text is not null => RobotsTxt.Parse(result.Text),
            >= 200 and < 300 => RobotsTxt.AllowAll,
            >= 400 and < 500 => RobotsTxt.AllowAll,
            _ => RobotsTxt.DisallowAll,
        };
        return new Entry(robots, time.GetUtcNow());
    }

    private sealed record Entry(RobotsTxt Robots, DateTimeOffset At);
}
