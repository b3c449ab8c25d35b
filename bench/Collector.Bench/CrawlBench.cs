using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Collector.Configuration;
using Collector.Crawler;
using Collector.Crawler.Core;
using Collector.Model;
using Collector.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Collector.Bench;

/// <summary>
/// `crawl`: the crawl core in HTTP mode on the shared bench site (gen_site.py, served by python3 -m http.server as
/// compare.sh does), into a fresh SQLite archive. Prints one JSON line: pages, posts, seconds, pages/s, peak memory.
/// usage: crawl [--lists N] [--concurrency N] [--rounds R]. For the ratio to Crawlee run ../shared/bench/compare.sh.
/// </summary>
public static class CrawlBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var lists = BenchSupport.Number(args, "--lists", 25);
        var concurrency = BenchSupport.Number(args, "--concurrency", 32);
        var rounds = BenchSupport.Number(args, "--rounds", 1);
        var generator = BenchSupport.Shared(Path.Combine("bench", "gen_site.py"));
        if (generator is null)
        {
            await Console.Error.WriteLineAsync("crawl bench: ../shared/bench/gen_site.py not found beside the repository");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("collector-crawl-bench").FullName;
        Process? server = null;
        try
        {
            await RunToEndAsync("python3", [generator, Path.Combine(work, "site"), "--lists", lists.ToString(CultureInfo.InvariantCulture)]);
            var port = FreePort();
            server = Process.Start(new ProcessStartInfo("python3", ["-m", "http.server", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1"])
            {
                WorkingDirectory = Path.Combine(work, "site"),
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;

            // http.server logs every request to stderr: drained here, or the pipe fills (64 KB, about one crawl's worth
            // of requests) and the server stops answering in the middle of the next round
            server.ErrorDataReceived += (_, _) => { };
            server.OutputDataReceived += (_, _) => { };
            server.BeginErrorReadLine();
            server.BeginOutputReadLine();
            var start = new Uri($"http://127.0.0.1:{port}/list/1.html");
            await WaitForAsync(start);
            for (var round = 1; round <= rounds; round++)
            {
                var result = await CrawlOnceAsync(start, Path.Combine(work, $"r{round}.db"), concurrency);
                Console.WriteLine(JsonSerializer.Serialize(result));
            }

            return 0;
        }
        finally
        {
            server?.Kill();
            server?.Dispose();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<object> CrawlOnceAsync(Uri start, string db, int concurrency)
    {
        var options = new CrawlerOptions { MaxConcurrency = concurrency, PerHostConcurrency = concurrency };
        var services = new ServiceCollection().AddCollectorCrawler(options).BuildServiceProvider();
        await using var _ = services;
        await using var archive = SqliteArchive.Open(db, TimeProvider.System);
        var job = new CrawlJob
        {
            Source = new SourceOptions
            {
                Name = "bench",
                Targets = [start.AbsoluteUri],
                Render = RenderMode.Http,
                Follow = ["a.post-link", "a[rel=next]"],
                MaxPages = 100_000,
                Concurrency = concurrency,
            },
            RunId = Ids.New(TimeProvider.System),
            OneOff = true,
            RequestsPerSecond = 0,
        };
        var peak = 0L;
        using var sampler = new Timer(_ => peak = Math.Max(peak, Environment.WorkingSet), null, 0, 100);
        var summary = await services.GetRequiredService<ICrawlRunner>().RunAsync(job, archive);
        return new
        {
            bench = "crawl-http",
            pages = summary.Pages,
            posts = summary.Posts,
            failed = summary.Failed,
            seconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
            pagesPerSecond = Math.Round(summary.Pages / summary.Elapsed.TotalSeconds, 1),
            peakWorkingSetMb = Math.Max(peak, Environment.WorkingSet) / (1024 * 1024),
        };
    }

    private static async Task RunToEndAsync(string file, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForAsync(Uri url)
    {
        using var client = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var response = await client.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }
    }
}
