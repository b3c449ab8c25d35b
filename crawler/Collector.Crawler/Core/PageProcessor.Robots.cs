using Collector.Crawler.Fetching;
using Collector.Model;

namespace Collector.Crawler.Core;

/// <summary>robots.txt: fetched once per origin (the seeds' while the run is being recorded), obeyed, its Crawl-delay applied.</summary>
public sealed partial class PageProcessor
{
    /// <summary>
    /// Starts fetching the seeds' robots.txt at once, while the crawl records its run and seeds its queue: the first page
    /// waits for it anyway, and on a cold start the first request is the slowest of the crawl (the HTTP stack's start-up).
    /// A seed the address guard refuses is left to the page's own refusal.
    /// </summary>
    public void PrefetchRobots(CrawlContext crawl, IEnumerable<Uri> seeds, CancellationToken cancellationToken)
    {
        if (crawl.Robots is null || !crawl.Job.Source.Robots.Obey)
        {
            return;
        }

        foreach (var seed in seeds.DistinctBy(s => s.GetLeftPart(UriPartial.Authority), StringComparer.OrdinalIgnoreCase))
        {
            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        if (await crawl.Guard.RefusalAsync(seed, cancellationToken) is null)
                        {
                            await RobotsRefusalAsync(crawl, seed, cancellationToken);
                        }
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // the page's own look-up fetches it again, and reports what went wrong there
                    }
                },
                CancellationToken.None);
        }
    }

    /// <summary>Why robots.txt keeps the crawl off <paramref name="url"/>, or null when it may be fetched; applies the origin's Crawl-delay.</summary>
    private async Task<string?> RobotsRefusalAsync(CrawlContext crawl, Uri url, CancellationToken cancellationToken)
    {
        if (crawl.Robots is null)
        {
            return null;
        }

        var origin = url.GetLeftPart(UriPartial.Authority);
        var robots = await crawl.Robots.GetAsync(
            url,
            async (u, ct) =>
            {
                var fetched = await FetchAsync(crawl, Plain(crawl, u), RenderMode.Http, ct);
                if (fetched.Error is { Action: FetchErrorAction.GiveUp } e && Safety.ConnectGuard.IsRefusal(e.Message))
                {
                    crawl.RobotsRefusals[origin] = e.Message;
                }

                return fetched;
            },
            cancellationToken);
        var source = crawl.Job.Source;
        if (source.Robots.CrawlDelay && robots.CrawlDelay(UserAgents.ProductToken(crawl.Options)) is { } delay)
        {
            crawl.Budgets.For(url).ApplyCrawlDelay(delay < crawl.Options.MaxCrawlDelay ? delay : crawl.Options.MaxCrawlDelay);
        }

        return robots.IsAllowed(url, UserAgents.ProductToken(crawl.Options))
            ? null
            : crawl.RobotsRefusals.GetValueOrDefault(origin) ?? "disallowed by robots.txt";
    }
}
