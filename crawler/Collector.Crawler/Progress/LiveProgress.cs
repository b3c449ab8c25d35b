using System.Globalization;
using Collector.Crawler.Core;
using Spectre.Console;

namespace Collector.Crawler.Progress;

/// <summary>
/// Shows a running crawl: a live Spectre.Console table (pages, queue, failures, outcomes, per-host pace) on a terminal,
/// or one plain line every few seconds otherwise. Both write to the given error stream, so stdout stays for results.
/// </summary>
public static class LiveProgress
{
    public static async Task<T> RunAsync<T>(TextWriter error, bool interactive, Func<IProgress<CrawlStats>, Task<T>> crawl)
    {
        ArgumentNullException.ThrowIfNull(crawl);
        if (!interactive)
        {
            return await crawl(new PlainLines(error, TimeSpan.FromSeconds(5)));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        T result = default!;
        await console.Live(Render(null)).AutoClear(false).StartAsync(async context =>
        {
            var progress = new Callback(stats =>
            {
                context.UpdateTarget(Render(stats));
                context.Refresh();
            });
            result = await crawl(progress);
        });
        return result;
    }

    public static string Line(CrawlStats s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var outcomes = string.Join(' ', s.ByOutcome.OrderByDescending(p => p.Value).Select(p => $"{p.Key}={p.Value}"));
        var throttled = s.Hosts.Where(h => h.Throttling is not null).Select(h => $"{h.Host} throttled: {Throttling(h.Throttling!)}");
        var stalled = s.Hosts.Where(h => h.Stalls > 0).Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Host}: {h.AtOnce} at once after {h.Stalls} stalls"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"crawl {s.Elapsed:hh\\:mm\\:ss}: {s.PagesDone} pages ({s.PagesPerSecond:0.0}/s), {s.Queued} queued, {s.PagesFailed} failed, {s.Posts} posts, {s.Retries} retries; {outcomes} {string.Join(' ', throttled)} {string.Join(' ', stalled)}").TrimEnd();
    }

    private static Table Render(CrawlStats? s)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("crawl").AddColumn("");
        if (s is null)
        {
            return table.AddRow("starting", "");
        }

        table.AddRow("elapsed", s.Elapsed.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture));
        table.AddRow("pages", string.Create(CultureInfo.InvariantCulture, $"{s.PagesDone} ({s.PagesPerSecond:0.0}/s)"));
        table.AddRow("queued", s.Queued.ToString(CultureInfo.InvariantCulture));
        table.AddRow("failed", s.PagesFailed.ToString(CultureInfo.InvariantCulture));
        table.AddRow("posts", s.Posts.ToString(CultureInfo.InvariantCulture));
        table.AddRow("retries", s.Retries.ToString(CultureInfo.InvariantCulture));
        foreach (var (outcome, n) in s.ByOutcome.OrderByDescending(p => p.Value))
        {
            table.AddRow(Markup.Escape(outcome), n.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var host in s.Hosts.OrderByDescending(h => h.Requests).Take(8))
        {
            var pace = host.Pace is { } p ? p.ToString("0.##", CultureInfo.InvariantCulture) + "/s" : "unpaced";
            table.AddRow(Markup.Escape(host.Host), string.Create(CultureInfo.InvariantCulture, $"{host.Requests} requests, {host.Throttled} throttled, {pace}, {host.AtOnce} at once ({host.Stalls} stalls)"));
            if (host.Throttling is { } throttling)
            {
                table.AddRow(string.Empty, Markup.Escape("throttled: " + Throttling(throttling)));
            }
        }

        return table;
    }

    /// <summary>"429 Too Many Requests, paused until 10:01:03Z, 0.5/s": why, until when, and the pace meanwhile.</summary>
    public static string Throttling(Politeness.HostThrottling t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var until = t.PausedUntil is { } p ? string.Create(CultureInfo.InvariantCulture, $", paused until {p.UtcDateTime:HH\\:mm\\:ss}Z") : string.Empty;
        var pace = t.Pace is { } r ? r.ToString("0.##", CultureInfo.InvariantCulture) + "/s" : "unpaced";
        return $"{t.Reason}{until}, {pace}";
    }

    private sealed class Callback(Action<CrawlStats> report) : IProgress<CrawlStats>
    {
        public void Report(CrawlStats value) => report(value);
    }

    /// <summary>A line at most every <c>interval</c> (crawl time), and the final one.</summary>
    private sealed class PlainLines(TextWriter error, TimeSpan interval) : IProgress<CrawlStats>
    {
        private TimeSpan? _last;

        public void Report(CrawlStats value)
        {
            if (_last is { } last && value.Elapsed - last < interval)
            {
                return;
            }

            _last = value.Elapsed;
            error.WriteLine(Line(value));
        }
    }
}
