using System.Diagnostics;
using System.Text.Json;
using Collector.Crawler.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Collector.Crawler.Tests.Core;

/// <summary>The shared bench forum (gen_site.py --lists 5), served by Kestrel, crawled in HTTP mode: every post with the right facts.</summary>
public sealed class BenchSiteCrawlTests
{
    [Fact]
    public async Task RunAsync_BenchSiteFiveListings_EveryPostMatchesExpected()
    {
        var shared = Repo.Shared();
        Assert.SkipWhen(shared is null, "../shared is absent: the bench site generator cannot be run");
        var site = Path.Combine(Path.GetTempPath(), "collector-bench-site-" + Guid.NewGuid().ToString("n"));
        try
        {
            using (var gen = Process.Start(new ProcessStartInfo("python3", [Path.Combine(shared!, "bench", "gen_site.py"), site, "--lists", "5"]) { RedirectStandardOutput = true }))
            {
                Assert.NotNull(gen);
                await gen.WaitForExitAsync(TestContext.Current.CancellationToken);
                Assert.Equal(0, gen.ExitCode);
            }

            var expected = File.ReadAllLines(Path.Combine(site, "expected.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            await using var server = await TestSite.StartAsync(context => ServeFileAsync(site, context));
            await using var harness = CrawlHarness.Create(o => o.MaxConcurrency = 8);

            var summary = await harness.CrawlAsync(
                CrawlHarness.Source(server.Url("list/1.html"), "a.post-link", "a[rel=next]").With(s => s.Concurrency = 8), rate: 0);

            Assert.Equal(105, summary.Pages);
            Assert.Equal(0, summary.Failed);
            var posts = (await harness.PostsAsync()).Select(p => p.Post).Where(p => p.ParentId is null).ToDictionary(p => p.Id);
            Assert.Equal(expected.Count, posts.Count);
            foreach (var want in expected)
            {
                var post = posts[want.GetProperty("id").GetString()!];
                Assert.Equal(want.GetProperty("author").GetString(), post.Author?.Name ?? post.Author?.Handle);
                Assert.Equal(DateTimeOffset.Parse(want.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture), post.PublishedAt);
                Assert.Equal(want.GetProperty("title").GetString(), post.Title);
            }
        }
        finally
        {
            if (Directory.Exists(site))
            {
                Directory.Delete(site, recursive: true);
            }
        }
    }

    private static async Task ServeFileAsync(string root, HttpContext context)
    {
        var path = Path.GetFullPath(Path.Combine(root, context.Request.Path.Value!.TrimStart('/')));
        if (!path.StartsWith(root, StringComparison.Ordinal) || !File.Exists(path))
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = path.EndsWith(".html", StringComparison.Ordinal) ? "text/html; charset=utf-8" : "text/plain";
        await context.Response.SendFileAsync(path);
    }
}
