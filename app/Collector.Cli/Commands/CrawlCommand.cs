using System.CommandLine;
using System.Text.Json;
using Collector.Cli.Infrastructure;
using Collector.Configuration;
using Collector.Crawler;
using Collector.Crawler.Browser;
using Collector.Crawler.Core;
using Collector.Crawler.Progress;
using Collector.Crawler.Queue;
using Collector.Crawler.Routing;
using Collector.Crawler.Sessions;
using Collector.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Collector.Cli.Commands;

/// <summary>`collector crawl URL...`: a one-off crawl into the archive.</summary>
public static class CrawlCommand
{
    public static Command Create()
    {
        var urls = new Argument<string[]>("url") { Description = "Start URLs.", Arity = ArgumentArity.OneOrMore };
        var platform = new Option<string?>("--platform") { Description = "Parser to use (reddit, quora, …, generic); default: by the URL's host.", HelpName = "P" };
        var render = new Option<string>("--render") { Description = "http, browser, or auto (HTTP first, the browser where the page needs it).", DefaultValueFactory = _ => "auto" };
        render.AcceptOnlyFromAmong("http", "browser", "auto");
        var follow = new Option<string[]>("--follow") { Description = "CSS selector of links to follow (repeatable).", HelpName = "CSS" };
        var waitFor = new Option<string?>("--wait-for") { Description = "Browser mode: wait for this CSS selector before capturing.", HelpName = "CSS" };
        var scroll = new Option<int>("--scroll") { Description = "Browser mode: scroll an infinite feed up to N times.", HelpName = "N" };
        var maxPages = new Option<int>("--max-pages") { Description = "Stop after N pages.", DefaultValueFactory = _ => 1000, HelpName = "N" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Pages fetched at once (also per host: a one-off crawl usually targets one site).", HelpName = "N" };
        var store = CliOptions.Store();
        var config = CliOptions.Config();
        var json = CliOptions.Json();
        var command = new Command("crawl", "Crawl URLs once: fetch, parse, archive, and print a summary. Run again after an interruption, the same command resumes.")
        {
            urls, platform, render, follow, waitFor, scroll, maxPages, concurrency, store, config, json,
        };
        command.SetAction((parse, ct) => RunAsync(
            new Request(
                parse.GetValue(urls) ?? [],
                parse.GetValue(platform),
                parse.GetValue(render) ?? "auto",
                parse.GetValue(follow) ?? [],
                parse.GetValue(waitFor),
                parse.GetValue(scroll),
                parse.GetValue(maxPages),
                parse.GetValue(concurrency),
                parse.GetValue(store),
                parse.GetValue(config),
                parse.GetValue(json)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            ct));
        return command;
    }

    private static async Task<int> RunAsync(Request r, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var targets = r.Urls.Select(u => UrlNormalizer.TryHttp(u) ?? throw new UsageException($"'{u}' is not an http(s) URL")).ToList();
        foreach (var selector in r.Follow)
        {
            if (!LinkExtractor.IsValidSelector(selector))
            {
                throw new UsageException($"--follow '{selector}' is not a valid CSS selector");
            }
        }

        if (r.MaxPages < 1 || r.Concurrency is < 1 || r.Scroll < 0)
        {
            throw new UsageException("--max-pages and --concurrency must be at least 1, --scroll at least 0");
        }

        var loaded = r.ConfigPath is null ? ConfigLoader.Defaults() : ConfigLoader.LoadFile(r.ConfigPath);
        var options = loaded.Options.Crawler;
        if (r.Concurrency is { } n)
        {
            options.MaxConcurrency = n;
            options.PerHostConcurrency = n;
        }

        var platformKey = string.IsNullOrWhiteSpace(r.Platform) ? Platforms.Generic : r.Platform.Trim().ToLowerInvariant();
        var source = new SourceOptions
        {
            Name = "",
            Platform = platformKey,
            Targets = [.. targets.Select(t => t.AbsoluteUri)],
            Render = r.Render switch { "http" => RenderMode.Http, "browser" => RenderMode.Browser, _ => RenderMode.Auto },
            Follow = [.. r.Follow],
            WaitFor = r.WaitFor,
            Scroll = r.Scroll,
            MaxPages = r.MaxPages,
            Concurrency = options.MaxConcurrency,
        };

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Collector", LogLevel.Warning));
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddCollectorCrawler(options, RedditCredentials.FromEnvironment(Environment.GetEnvironmentVariable));
        services.AddBrowserFetcher(options);
        await using var provider = services.BuildServiceProvider();
        if (source.Render == RenderMode.Browser)
        {
            // every page is rendered: Playwright's driver starts while the archive opens
            provider.GetRequiredService<ChromiumHost>().StartDriver();
        }

        var runner = provider.GetRequiredService<ICrawlRunner>();
        await using var archive = await StoreAccess.OpenAsync(r.Store, r.ConfigPath, cancellationToken);

        // a site on this machine or the local network is one's own (tests, the bench, the demo): no pacing
        var local = LocalTargets.AreLocal(targets);
        var job = new CrawlJob
        {
            Source = source,
            RunId = Ids.New(TimeProvider.System),
            OneOff = true,
            RequestsPerSecond = local ? 0 : null,
            ConfigHash = loaded.Hash,
        };
        var interactive = !r.Json && !Console.IsErrorRedirected && ReferenceEquals(stderr, Console.Error);
        var summary = await LiveProgress.RunAsync(stderr, interactive, progress => runner.RunAsync(job, archive, progress, cancellationToken));
        if (r.Json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new
            {
                pages = summary.Pages,
                posts = summary.Posts,
                seconds = Math.Round(summary.Elapsed.TotalSeconds, 3),
                peakRssMb = PeakRssMb(),
                failed = summary.Failed,
                outcome = summary.Outcome,
                outcomes = summary.PagesByOutcome,
                postsNew = summary.PostsNew,
                postsChanged = summary.PostsChanged,
                robotsBlocked = summary.RobotsBlocked,
                remaining = summary.Remaining,
                stoppedBecause = summary.StoppedBecause,
                crawlId = summary.CrawlId,
                runId = summary.RunId,
            }));
        }
        else
        {
            var outcomes = string.Join(", ", summary.PagesByOutcome.OrderByDescending(p => p.Value).Select(p => $"{p.Value} {p.Key}"));
            await stdout.WriteLineAsync($"{summary.Pages} pages ({outcomes}), {summary.Posts} posts ({summary.PostsNew} new, {summary.PostsChanged} changed) in {summary.Elapsed.TotalSeconds:0.0} s; run {summary.RunId}, archive {archive.Uri}");
            foreach (var error in summary.Errors.Take(10))
            {
                await stderr.WriteLineAsync($"  {error}");
            }

            if (summary.StoppedBecause is { } why)
            {
                await stderr.WriteLineAsync($"stopped: {why}");
            }
        }

        return summary.Outcome is Storage.RunOutcomes.Succeeded or Storage.RunOutcomes.Partial ? CollectorCli.Ok : CollectorCli.Failure;
    }

    /// <summary>This process's peak resident memory so far in MB (the browser's own processes are not in it).</summary>
    private static long PeakRssMb()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024 * 1024);
    }

    private sealed record Request(
        string[] Urls, string? Platform, string Render, string[] Follow, string? WaitFor, int Scroll, int MaxPages, int? Concurrency,
        string? Store, string? ConfigPath, bool Json);
}
