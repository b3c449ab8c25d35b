using System.Diagnostics;
using System.Runtime.CompilerServices;
using Collector.Crawler.Tests.Support;
using Collector.Model;

namespace Collector.Crawler.Tests.Core;

/// <summary>A crawl in a child process killed with SIGKILL mid-way, then started again: every post exactly once.</summary>
public sealed class KillAndResumeTests
{
    private const string ChildVariable = "COLLECTOR_TEST_CRAWL_CHILD";
    private const int Posts = 30;

    [Fact(Skip = "Known broken: the child (this test executable re-entered through a module initializer) crawls far too slowly and is killed only after it finished, so the resume path is not exercised; needs a separate child executable")]
    public async Task RunAsync_KilledWithSigkillThenRestarted_CompletesWithEveryPostExactlyOnce()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGKILL is a Unix signal");
        await using var site = await TestSite.StartAsync(ForumCrawlTests.Forum(1, Posts, async (context, _) =>
        {
            await Task.Delay(120, context.RequestAborted);
            return false;
        }));
        var folder = Path.Combine(Path.GetTempPath(), "collector-kill-test", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);

        var child = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        child.Environment[ChildVariable] = $"{site.Url("list/0")}\n{folder}";
        var seenAtKill = 0;
        var killedAfter = TimeSpan.Zero;
        using (var process = Process.Start(child)!)
        {
            var deadline = Stopwatch.StartNew();
            while (site.Requests.Count(r => r.Path.StartsWith("/post/", StringComparison.Ordinal)) < 10 && !process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            Assert.False(process.HasExited, "the child finished before it could be killed: " + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
            seenAtKill = site.Requests.Count(r => r.Path.StartsWith("/post/", StringComparison.Ordinal));
            killedAfter = deadline.Elapsed;
            process.Kill();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await using var harness = CrawlHarness.Create(folder: folder);
        var capturedBefore = (await harness.CapturesAsync()).Count;
        Assert.True(capturedBefore is >= 1 and <= Posts, $"{capturedBefore} captures after the kill at {killedAfter.TotalSeconds:0.0} s, when the server had seen {seenAtKill} post requests");

        var summary = await harness.CrawlAsync(Source(site.Url("list/0")), adjust: Adjust);

        Assert.Equal(Posts + 1 - capturedBefore, summary.Pages);
        var captures = await harness.CapturesAsync();
        Assert.Equal(Posts + 1, captures.Count);
        Assert.Equal(captures.Count, captures.Select(c => c.RequestUrl).Distinct().Count());
        var posts = await harness.PostsAsync();
        Assert.Equal(Posts, posts.Count);
        foreach (var post in posts)
        {
            var history = await harness.Archive.GetHistoryAsync(post.Post.Key);
            Assert.Single(history!.Observations);
        }
    }

    private static Configuration.SourceOptions Source(Uri start) => CrawlHarness.Source(start, "a.post-link").With(s => s.Concurrency = 3);

    private static Collector.Crawler.Core.CrawlJob Adjust(Collector.Crawler.Core.CrawlJob job) => job with { LeaseDuration = TimeSpan.FromSeconds(2) };

    /// <summary>
    /// In the child process (the test executable started again with the variable set): crawl and exit. Only code of other
    /// assemblies runs here: a continuation that touched this assembly's types would wait for this module initializer.
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "the test executable doubles as the crawl child of the kill -9 test")]
    internal static void RunIfChild()
    {
        var spec = Environment.GetEnvironmentVariable(ChildVariable);
        if (spec is null)
        {
            return;
        }

        var parts = spec.Split('\n');
        var options = new Configuration.CrawlerOptions { RequestTimeout = TimeSpan.FromSeconds(5), MaxRetries = 3 };
        var services = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(
            CrawlerServiceCollectionExtensions.AddCollectorCrawler(new Microsoft.Extensions.DependencyInjection.ServiceCollection(), options));
        var runner = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Collector.Crawler.Core.ICrawlRunner>(services);
        var archive = Storage.Sqlite.SqliteArchive.Open(Path.Combine(parts[1], "archive.db"), TimeProvider.System);
        var source = new Configuration.SourceOptions
        {
            Name = "test",
            Platform = Platforms.Generic,
            Targets = [parts[0]],
            Render = RenderMode.Http,
            Follow = ["a.post-link"],
            Concurrency = 3,
        };
        var job = new Collector.Crawler.Core.CrawlJob { Source = source, RunId = "child", RequestsPerSecond = 0, LeaseDuration = TimeSpan.FromSeconds(2) };
        runner.RunAsync(job, archive).GetAwaiter().GetResult();
        Environment.Exit(0);
    }
}
