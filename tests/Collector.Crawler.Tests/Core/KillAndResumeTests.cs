using System.Diagnostics;
using System.Text.Json;
using Collector.Crawler.Tests.Support;

namespace Collector.Crawler.Tests.Core;

/// <summary>
/// A crawl by the real <c>collector</c> command in a child process, killed with SIGKILL mid-way, then started again:
/// it resumes at once (the dead process's leases are handed out again) and ends with every post exactly once.
/// </summary>
public sealed class KillAndResumeTests
{
    private const int Posts = 30;

    [Fact]
    public async Task Crawl_KilledWithSigkillThenRestarted_ResumesAndStoresEveryPostExactlyOnce()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGKILL is a Unix signal");
        var cli = CollectorCli();
        Assert.SkipWhen(cli is null, "the collector command is not built (build the solution in Release first: tests/run.sh does)");
        var cancel = TestContext.Current.CancellationToken;
        await using var site = await TestSite.StartAsync(ForumCrawlTests.Forum(1, Posts, async (context, _) =>
        {
            await Task.Delay(150, context.RequestAborted);
            return false;
        }));
        var folder = Path.Combine(Path.GetTempPath(), "collector-kill-test", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        string[] args = ["crawl", site.Url("list/0").AbsoluteUri, "--follow", "a.post-link", "--concurrency", "3", "--store", "sqlite:" + Path.Combine(folder, "archive.db"), "--json"];

        int seenAtKill;
        string firstChild;
        using (var first = Start(cli!, args))
        {
            // drained from the start, so a chatty child never blocks on a full pipe
            var errors = first.StandardError.ReadToEndAsync(cancel);
            var output = first.StandardOutput.ReadToEndAsync(cancel);
            var waited = Stopwatch.StartNew();
            while (PostRequests(site) < 10 && !first.HasExited && waited.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(20, cancel);
            }

            if (first.HasExited)
            {
                Assert.Fail("the child finished before it could be killed: " + await errors);
            }

            seenAtKill = PostRequests(site);
            first.Kill(); // SIGKILL: no shutdown code runs
            await first.WaitForExitAsync(cancel);

            // what the killed child had said, and what the site had served, for a failure below (read only after it exited)
            var said = await errors;
            await output;
            firstChild = $"after {waited.Elapsed.TotalSeconds:0} s; the site had served: {string.Join(", ", site.Requests.Select(r => r.Path).Take(12))}; the child's stderr: {said[^Math.Min(said.Length, 2000)..]}";
        }

        int capturedBefore;
        using (var look = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "archive.db")};Pooling=False"))
        {
            look.Open();
            using var count = look.CreateCommand();
            count.CommandText = "SELECT count(*) FROM captures";
            capturedBefore = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.True(capturedBefore is >= 1 and <= Posts, $"{capturedBefore} captures after the kill, when the server had seen {seenAtKill} post requests, {firstChild}");
        var resumed = Stopwatch.StartNew();
        using (var second = Start(cli!, args))
        {
            var errors = second.StandardError.ReadToEndAsync(cancel);
            var stdout = await second.StandardOutput.ReadToEndAsync(cancel);
            var stderr = await errors;
            await second.WaitForExitAsync(cancel);
            Assert.True(second.ExitCode == 0, $"exit {second.ExitCode}\n{stdout}\n{stderr}");
            using var summary = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
            Assert.Equal(Posts + 1 - capturedBefore, summary.RootElement.GetProperty("pages").GetInt32());
            Assert.InRange(summary.RootElement.GetProperty("peakRssMb").GetInt64(), 10, 4096);
        }

        Assert.True(resumed.Elapsed < TimeSpan.FromSeconds(60), $"the resume took {resumed.Elapsed.TotalSeconds:0} s: it waited out the dead process's leases");
        await using var harness = CrawlHarness.Create(folder: folder);
        var captures = await harness.CapturesAsync();
        Assert.Equal(Posts + 1, captures.Count);
        Assert.Equal(captures.Count, captures.Select(c => c.RequestUrl).Distinct().Count());
        var posts = await harness.PostsAsync();
        Assert.Equal(Posts, posts.Count);
        foreach (var post in posts)
        {
            var history = await harness.Archive.GetHistoryAsync(post.Post.Key, cancel);
            Assert.Single(history!.Observations);
        }
    }

    private static int PostRequests(TestSite site) => site.Requests.Count(r => r.Path.StartsWith("/post/", StringComparison.Ordinal));

    private static Process Start(string cli, string[] args)
    {
        var start = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>The Release build of the CLI (the one the README's commands build), or null when it is not built.</summary>
    private static string? CollectorCli()
    {
        var root = Repo.Root();
        var cli = root is null ? null : Path.Combine(root, "app", "Collector.Cli", "bin", "Release", "net10.0", "linux-x64", "collector");
        return cli is not null && File.Exists(cli) ? cli : null;
    }
}
