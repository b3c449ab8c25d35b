using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Collector.Crawler.Browser;
using Collector.Crawler.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Collector.Bench;

/// <summary>
/// Browser-crawl memory and speed: renders N script-built post pages (shaped like ../shared/bench's) through the real
/// <see cref="BrowserFetcher"/> on Debian's Chromium, printing the browser tree's memory every so many pages and the
/// pages/s at the end. The memory must stay flat (contexts recycled every N pages, early on growth).
/// usage: browser [PAGES=5000] [--concurrency 4] [--screenshots full|viewport|none] [--recycle 50] [--every 250]
/// </summary>
public static class BrowserBench
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static async Task<int> RunAsync(string[] args)
    {
        var pages = 5000;
        var concurrency = 4;
        // full-page screenshots, as the crawler takes them by default
        var screenshots = "full";
        var recycle = 50;
        var every = 250;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--concurrency": concurrency = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--screenshots": screenshots = args[++i]; break;
                case "--recycle": recycle = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--every": every = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    if (!int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out pages))
                    {
                        Console.Error.WriteLine($"browser bench: unknown argument '{args[i]}'. usage: browser [PAGES] [--concurrency N] [--screenshots full|viewport|none] [--recycle N] [--every N]");
                        return 2;
                    }

                    break;
            }
        }

        var options = new BrowserFetcherOptions
        {
            RecycleContextAfterPages = recycle,
            MaxConcurrentPages = concurrency,
            Screenshots = screenshots != "none",
            ScreenshotScope = screenshots == "full" ? ScreenshotScope.FullPage : ScreenshotScope.Viewport,
        };
        options.EnsureValid();
        await using var site = await BenchSite.StartAsync();
        await using var host = new ChromiumHost(options, NullLogger<ChromiumHost>.Instance);
        await using var pool = new PagePool(host, options, TimeProvider.System, NullLogger<PagePool>.Instance);
        using var fetcher = new BrowserFetcher(pool, options, TimeProvider.System, NullLogger<BrowserFetcher>.Instance);

        var next = -1;
        var done = 0;
        var failed = 0;
        var rendered = 0;
        var samples = new List<MemorySample>();
        var started = TimeProvider.System.GetTimestamp();
        var sampleGate = new Lock();
        Console.WriteLine(JsonSerializer.Serialize(new { bench = "browser", pages, concurrency, screenshots, recycle }, Json));

        async Task WorkerAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < pages)
            {
                var result = await fetcher.FetchAsync(new FetchRequest
                {
                    Url = new Uri(site.BaseUrl, $"/post/p{index}.html"),
                    WaitFor = "article[data-rendered=\"1\"]",
                    Screenshot = options.Screenshots,
                }, CancellationToken.None);
                if (result.Error is not null)
                {
                    Interlocked.Increment(ref failed);
                }
                else if (result.RenderedDom?.Contains($"data-post-id=\"p{index}\"", StringComparison.Ordinal) == true)
                {
                    Interlocked.Increment(ref rendered);
                }

                var count = Interlocked.Increment(ref done);
                if (count % every == 0 || count == pages)
                {
                    var sample = host.MeasureMemory();
                    var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
                    lock (sampleGate)
                    {
                        samples.Add(sample);
                    }

                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        page = count,
                        seconds = Math.Round(seconds, 1),
                        pages_per_s = Math.Round(count / seconds, 2),
                        rss_mb = Math.Round(sample.RssMb),
                        pss_mb = Math.Round(sample.PssMb),
                        processes = sample.Processes,
                        contexts = pool.Statistics.ContextsCreated,
                    }, Json));
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)));
        var total = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        var stats = pool.Statistics;
        var warm = samples.Count > 1 ? samples[Math.Min(1, samples.Count - 1)] : samples.FirstOrDefault();
        var end = samples.LastOrDefault();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            bench = "browser",
            pages,
            rendered,
            failed,
            seconds = Math.Round(total, 2),
            pages_per_s = Math.Round(pages / total, 2),
            warm_pss_mb = Math.Round(warm.PssMb),
            end_pss_mb = Math.Round(end.PssMb),
            peak_pss_mb = Math.Round(samples.Count == 0 ? 0 : samples.Max(s => s.PssMb)),
            peak_rss_mb = Math.Round(samples.Count == 0 ? 0 : samples.Max(s => s.RssMb)),
            growth = warm.PssBytes > 0 ? Math.Round(end.PssMb / warm.PssMb, 2) : 0,
            contexts = stats.ContextsCreated,
            recycled_by_memory = stats.RecycledByMemory,
            tabs_opened = stats.PagesOpened,
            tabs_reused = stats.PagesReused,
        }, Json));
        return failed == 0 && rendered == pages ? 0 : 1;
    }

    /// <summary>Kestrel on loopback serving post pages whose body a script renders from embedded state (as the shared bench site's).</summary>
    private sealed class BenchSite : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private BenchSite(WebApplication app, Uri baseUrl)
        {
            _app = app;
            BaseUrl = baseUrl;
        }

        public Uri BaseUrl { get; }

        public static async Task<BenchSite> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var css = string.Concat(Enumerable.Range(0, 400).Select(i => $".c{i}{{margin:{i % 7}px;padding:{i % 5}px}}"));
            var nav = string.Concat(Enumerable.Range(0, 120).Select(i => $"<li><a href=\"#nav{i}\">Section {i}</a></li>"));
            app.MapGet("/post/p{id:int}.html", (int id) => Results.Text(Page(id, css, nav), "text/html; charset=utf-8", Encoding.UTF8));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new BenchSite(app, new Uri(address));
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private static string Page(int id, string css, string nav)
        {
            var comments = string.Join(",", Enumerable.Range(0, 8).Select(j => $$"""{"id":"c{{id}}_{{j}}","author":"user{{j}}","text":"comment {{j}} on post {{id}} with a few words"}"""));
            var state = $$$"""{"post":{"id":"p{{{id}}}","author":"user{{{id % 97}}}","published":"2023-08-01T00:00:00Z","title":"Post {{{id}}}","text":"{{{string.Join(' ', Enumerable.Repeat("statement", 120))}}}","comments":[{{{comments}}}]}}""";
            return $$"""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post {{id}}</title><style>{{css}}</style></head><body>
                <header><nav><ul>{{nav}}</ul></nav></header>
                <main id="app"><div class="skeleton">Loading…</div></main>
                <script id="__STATE__" type="application/json">{{state}}</script>
                <script>
                addEventListener('DOMContentLoaded', () => setTimeout(() => {
                  const s = JSON.parse(document.getElementById('__STATE__').textContent).post;
                  const a = document.createElement('article');
                  a.dataset.postId = s.id;
                  a.innerHTML = '<h1></h1><time></time><div class="body"></div><section class="comments"></section>';
                  a.querySelector('h1').textContent = s.title;
                  a.querySelector('time').textContent = s.published;
                  a.querySelector('.body').textContent = s.text;
                  for (const c of s.comments) { const d = document.createElement('div'); d.className = 'comment'; d.textContent = c.text; a.querySelector('.comments').appendChild(d); }
                  const m = document.getElementById('app'); m.innerHTML = ''; m.appendChild(a);
                  a.dataset.rendered = '1';
                }, 30));
                </script></body></html>
                """;
        }
    }
}
