using Collector.Crawler.Core;
using Collector.Crawler.Progress;

namespace Collector.Crawler.Tests.Progress;

public sealed class LiveProgressTests
{
    private static CrawlStats Stats(int seconds, long pages) => new()
    {
        Elapsed = TimeSpan.FromSeconds(seconds),
        PagesDone = pages,
        PagesFailed = 2,
        Queued = 17,
        Posts = 300,
        Retries = 4,
        ByOutcome = new Dictionary<string, long> { ["content"] = pages - 3, ["rate-limited"] = 3 },
        Hosts =
        [
            new HostStats("forum.example", pages, 3, 1.5, Throttling: new("429 Too Many Requests", new DateTimeOffset(2026, 12, 7, 10, 1, 3, TimeSpan.Zero), 1.5)),
            new HostStats("cdn.example", 9, 0, null),
        ],
    };

    [Fact]
    public async Task RunAsync_Terminal_DrawsTableWithPagesOutcomesAndHostPace()
    {
        using var error = new StringWriter();

        var result = await LiveProgress.RunAsync(error, interactive: true, progress =>
        {
            progress.Report(Stats(10, 42));
            return Task.FromResult("done");
        });

        var drawn = error.ToString();
        Assert.Equal("done", result);
        Assert.Contains("42 (4.2/s)", drawn, StringComparison.Ordinal);
        Assert.Contains("rate-limited", drawn, StringComparison.Ordinal);
        Assert.Contains("forum.example", drawn, StringComparison.Ordinal);
        Assert.Contains("3 throttled, 1.5/s", drawn, StringComparison.Ordinal);
        Assert.Contains("unpaced", drawn, StringComparison.Ordinal);
        Assert.Contains("throttled: 429 Too Many Requests, paused until 10:01:03Z", drawn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NotATerminal_PlainLinesAtMostEveryFiveSecondsOfCrawlTime()
    {
        using var error = new StringWriter();

        await LiveProgress.RunAsync(error, interactive: false, progress =>
        {
            foreach (var second in new[] { 1, 2, 3, 7, 8, 13 })
            {
                progress.Report(Stats(second, second * 10));
            }

            return Task.FromResult(0);
        });

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length); // at 1 s, 7 s and 13 s
        Assert.StartsWith("crawl 00:00:07: 70 pages (10.0/s), 17 queued, 2 failed, 300 posts, 4 retries; content=67 rate-limited=3 forum.example throttled: 429 Too Many Requests, paused until 10:01:03Z, 1.5/s", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error.ToString()); // no terminal escapes in a log
    }
}
