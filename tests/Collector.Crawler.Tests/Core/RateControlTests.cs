using System.Diagnostics;
using Collector.Crawler.Tests.Support;
using Collector.Model;
using Collector.Simulator;
using Collector.Simulator.Faults;
using Collector.Simulator.Hosting;
using Collector.Simulator.Sites.Forum;
using Collector.Simulator.World;
using Collector.Storage;

namespace Collector.Crawler.Tests.Core;

/// <summary>
/// The simulated forum throwing the faults real platforms throw (429 with Retry-After, 503, a stalled page, a reset, a
/// redirect loop, a huge chunked page, a storm of 429s) at a paced crawl: the crawl converges (finishes every reachable
/// page within a bound), and the request log shows Retry-After honoured for the path and, for 429, the host. The bounds
/// are several times what the crawl needs on an idle machine; the code before this test let the pace fall to 0.05
/// requests/s and never recover, taking many minutes.
/// </summary>
public sealed class RateControlTests
{
    private const double Rate = 8;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static Task<SimulatedPlatforms> StartAsync() => SimulatedPlatforms.StartAsync(new SimulationOptions { Seed = 11, PostsPerCommunity = 20 }, Cancel);

    internal static List<string> LivePostPaths(SimulatedPlatforms sim, params string[] sections) =>
        [.. sections.SelectMany(s => sim.World.State.InCommunity(SimPlatform.Forum, s)).Where(p => p.Kind != PostKinds.Comment && p.IsLive).Select(ForumHtml.PostPath)];

    internal static CrawlHarness Harness(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) => CrawlHarness.Create(
        o =>
        {
            o.RequestTimeout = TimeSpan.FromSeconds(4);
            o.MaxBodyBytes = 1024 * 1024;
        },
        services: services);

    internal static Configuration.SourceOptions Source(SimulatedPlatforms sim, params string[] sections)
    {
        var source = CrawlHarness.Source(sim.Url(SimPlatform.Forum, ForumHtml.ListingPath(sections[0], 1)), "a.post-link", "a[rel=next]");
        source.Targets = [.. sections.Select(s => sim.Url(SimPlatform.Forum, ForumHtml.ListingPath(s, 1)).AbsoluteUri)];
        return source;
    }

    [Fact]
    public Task RunAsync_FaultMix_EveryReachablePageInTimeRetryAfterHonouredForPathAndHost() => FaultMixAsync(Harness(), RenderMode.Http);

    /// <summary>
    /// The issue's fault mix crawled in <paramref name="render"/> mode: every reachable page archived within the bound, the
    /// redirect loop and the huge page failed with their reasons (the huge one fetched once), Retry-After honoured for each
    /// limited path and, when <paramref name="pagesOnly"/> (the log holds the crawl's page requests alone), for the whole
    /// host, at the configured pace. A rendered page loads its own images from the host, which may still be on their way
    /// when another page's 429 arrives, so browser crawls check the paths only.
    /// </summary>
    internal static async Task FaultMixAsync(CrawlHarness harness, RenderMode render, bool pagesOnly = true)
    {
        await using var _ = harness;
        await using var sim = await StartAsync();
        var posts = LivePostPaths(sim, "politics", "hobbies", "blog");
        Assert.True(posts.Count >= 40, $"the test needs a site of some size ({posts.Count} posts)");
        var limited = posts.Take(3).ToList();
        var unavailable = posts.Skip(3).Take(3).ToList();
        var (stalled, reset, loop, huge) = (posts[6], posts[7], posts[8], posts[9]);
        foreach (var path in limited)
        {
            sim.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit, Platform = SimPlatform.Forum, PathPrefix = path, Count = 2, RetryAfter = TimeSpan.FromSeconds(3) });
        }

        foreach (var path in unavailable)
        {
            sim.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Platform = SimPlatform.Forum, PathPrefix = path, Count = 1 });
        }

        sim.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Platform = SimPlatform.Forum, PathPrefix = stalled, Count = 1, Delay = TimeSpan.FromSeconds(25) });
        sim.Faults.Set(FaultKind.ConnectionReset, SimPlatform.Forum, reset, count: 1);
        sim.Faults.Set(FaultKind.RedirectLoop, SimPlatform.Forum, loop);
        sim.Faults.Add(new FaultRule { Kind = FaultKind.HugePage, Platform = SimPlatform.Forum, PathPrefix = huge, Size = 40L * 1024 * 1024, Chunked = true });

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        bound.CancelAfter(TimeSpan.FromMinutes(4));
        var clock = Stopwatch.StartNew();
        var source = Source(sim, "politics", "hobbies", "blog");
        source.Render = render;
        var summary = await harness.CrawlAsync(source, Rate, cancellationToken: bound.Token);
        clock.Stop();

        Assert.NotEqual(RunOutcomes.Cancelled, summary.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(150), $"the fault mix took {clock.Elapsed.TotalSeconds:0} s");
        var captures = await harness.CapturesAsync();
        var byPath = captures.ToLookup(c => new Uri(c.RequestUrl).AbsolutePath);
        foreach (var path in posts.Except([loop, huge]))
        {
            Assert.True(byPath[path].Any(c => c.Outcome == PageOutcome.Content), $"{path}: {string.Join(", ", byPath[path].Select(c => $"{c.Outcome.ToWire()} {c.OutcomeReason}"))}");
        }

        if (render != RenderMode.Auto)
        {
            Assert.All(captures.Where(c => c.Outcome == PageOutcome.Content), c => Assert.Equal(render, c.RenderMode));
        }

        Assert.Contains("redirect", byPath[loop].Single().OutcomeReason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cap", byPath[huge].Single().OutcomeReason, StringComparison.Ordinal);

        var log = await WaitForLogAsync(sim, l => limited.All(p => l.Count(r => r.PathAndQuery == p) >= 3));
        foreach (var path in limited)
        {
            AssertSpacedAfter429(log.Where(r => r.PathAndQuery == path).ToList(), TimeSpan.FromSeconds(3));
        }

        Assert.True(log.Count(r => r.PathAndQuery == huge) <= 1, "a page over the cap is not fetched again");
        if (pagesOnly)
        {
            AssertHostPausedAfterEach429(log, TimeSpan.FromSeconds(3));
            Assert.True(sim.RequestLog.MaxInWindow(SimPlatform.Forum, TimeSpan.FromSeconds(1)) <= Rate + 1, "the configured pace holds");
        }
    }

    [Fact]
    public async Task RunAsync_Sustained429Storm_HostPausedDuringItAndThePaceRecoversAfterIt()
    {
        await using var sim = await StartAsync();
        await using var harness = Harness();
        var posts = LivePostPaths(sim, "hobbies");
        var storm = sim.Faults.Add(new FaultRule { Kind = FaultKind.RateLimit, Platform = SimPlatform.Forum, PathPrefix = "/t/", RetryAfter = TimeSpan.FromSeconds(2) });
        var stormFor = TimeSpan.FromSeconds(8);
        var ended = Task.Run(
            async () =>
            {
                await Task.Delay(stormFor, Cancel);
                sim.Faults.Remove(storm);
                return TimeProvider.System.GetUtcNow();
            },
            Cancel);

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        bound.CancelAfter(TimeSpan.FromMinutes(3));
        var summary = await harness.CrawlAsync(Source(sim, "hobbies"), Rate, cancellationToken: bound.Token);
        var stormEnded = await ended;

        Assert.NotEqual(RunOutcomes.Cancelled, summary.Outcome);
        var captures = await harness.CapturesAsync();
        Assert.All(posts, p => Assert.Contains(captures, c => c.RequestUrl.EndsWith(p, StringComparison.Ordinal) && c.Outcome == PageOutcome.Content));
        var log = await WaitForLogAsync(sim, l => posts.All(p => l.Any(r => r.PathAndQuery == p && r.Status == 200)));
        var limited = log.Where(r => r.Status == 429).ToList();
        Assert.NotEmpty(limited);

        // during the storm the host was asked once per pause, not hammered: at most one window's worth per pause
        Assert.True(limited.Count <= ((stormFor / TimeSpan.FromSeconds(2)) + 2) * 4, $"{limited.Count} requests during an 8 s storm of Retry-After: 2");
        AssertHostPausedAfterEach429(log, TimeSpan.FromSeconds(2));
        foreach (var path in limited.Select(r => r.PathAndQuery).Distinct())
        {
            AssertSpacedAfter429(log.Where(r => r.PathAndQuery == path).ToList(), TimeSpan.FromSeconds(2));
        }

        // after the storm the pace climbs back: the rest (most of the site) is fetched in seconds, not at a crawl
        var last = log.Max(r => r.At);
        Assert.True(last - stormEnded < TimeSpan.FromSeconds(40), $"the crawl needed {(last - stormEnded).TotalSeconds:0} s after the storm for {posts.Count} posts");
    }

    /// <summary>Every request for one path after a 429 comes no sooner than its Retry-After.</summary>
    private static void AssertSpacedAfter429(List<SimRequest> requests, TimeSpan retryAfter)
    {
        var ordered = requests.OrderBy(r => r.At).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i - 1].Status == 429)
            {
                var gap = ordered[i].At - ordered[i - 1].At;
                Assert.True(gap >= retryAfter - TimeSpan.FromMilliseconds(50), $"{ordered[i].PathAndQuery} asked again {gap.TotalSeconds:0.00} s after a 429 with Retry-After {retryAfter.TotalSeconds:0} s");
            }
        }
    }

    /// <summary>
    /// After a 429 the whole host waits out the Retry-After: no request of any path arrives in the pause (beyond a
    /// margin for requests already on their way when the 429 was answered).
    /// </summary>
    private static void AssertHostPausedAfterEach429(IReadOnlyList<SimRequest> log, TimeSpan retryAfter)
    {
        var margin = TimeSpan.FromMilliseconds(500);
        foreach (var limited in log.Where(r => r.Status == 429))
        {
            var inPause = log.Where(r => r.At > limited.At + margin && r.At < limited.At + retryAfter - TimeSpan.FromMilliseconds(100)).ToList();
            Assert.True(inPause.Count == 0, $"{string.Join(", ", inPause.Select(r => r.PathAndQuery))} asked during the pause after the 429 of {limited.PathAndQuery}");
        }
    }

    /// <summary>The host's log once the expected entries are in (an entry may be written just after its response).</summary>
    private static async Task<IReadOnlyList<SimRequest>> WaitForLogAsync(SimulatedPlatforms sim, Func<IReadOnlyList<SimRequest>, bool> complete)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var log = sim.RequestLog.For(SimPlatform.Forum);
            if (complete(log) || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                return log;
            }

            await Task.Delay(50, Cancel);
        }
    }
}
