using Collector.Crawler.Fetching;
using Collector.Crawler.Politeness;
using Collector.Model;
using Polly.Timeout;

namespace Collector.Crawler.Core;

/// <summary>One fetch through the host's budget and pipeline, and what the answer tells the host's budget.</summary>
public sealed partial class PageProcessor
{
    /// <summary>
    /// One fetch through the host's pipeline: each attempt waits for the host's budget (by <paramref name="priority"/>
    /// among waiting requests; outside the attempt's timeout), then reports back to it. When the host's next slot is
    /// further away than <paramref name="maxSlotWait"/>, throws <see cref="HostPausedException"/> (the page goes back to
    /// the queue); null waits as long as the host says.
    /// </summary>
    public Task<FetchResult> FetchAsync(
        CrawlContext crawl, FetchRequest request, RenderMode mode, CancellationToken cancellationToken, int priority = 0, TimeSpan? maxSlotWait = null)
    {
        var fetcher = fetchers.GetValueOrDefault(mode) ?? fetchers[RenderMode.Http];
        var budget = crawl.Budgets.For(request.Url);
        var slotWait = maxSlotWait ?? Timeout.InfiniteTimeSpan;
        return crawl.Pipelines.For(request.Url).ExecuteAsync(
            async ct =>
            {
                var attempt = request.Proxy is null && crawl.Proxies.Any ? request with { Proxy = crawl.Proxies.Next() } : request;
                if (crawl.Credentials.TryGetValue(request.Url.Authority, out var credentials))
                {
                    attempt = attempt with { Credentials = new(request.Url.Authority, credentials) };
                }
                FetchResult result;
                using (var permit = await budget.EnterAsync(priority, slotWait, ct))
                {
                    try
                    {
                        try
                        {
                            // the browser bounds its own attempt (navigation, scrolling and capture have their budget)
                            result = fetcher.Mode == RenderMode.Browser
                                ? await fetcher.FetchAsync(attempt, ct)
                                : await crawl.Pipelines.Attempt.ExecuteAsync(async attemptToken => await fetcher.FetchAsync(attempt, attemptToken), ct);
                        }
                        catch (TimeoutRejectedException)
                        {
                            permit.Unanswered();
                            budget.Throttle(ThrottleCause.NoAnswer);
                            throw;
                        }

                        if (result is { Status: null, Error.Action: FetchErrorAction.Retry })
                        {
                            permit.Unanswered();
                        }
                        else if (result.Rendered)
                        {
                            permit.AnsweredUntimed();
                        }
                    }
                    finally
                    {
                        budget.RequestEnded(); // under a Crawl-delay the next request is spaced from here
                    }
                }

                ReportToBudget(budget, result);
                if (attempt.Proxy is { } proxy)
                {
                    crawl.Proxies.Report(proxy, result.Status is not null);
                }

                return result;
            },
            cancellationToken).AsTask();
    }

    private static void ReportToBudget(HostBudget budget, FetchResult result)
    {
        switch (result)
        {
            case { Status: 429 }:
                budget.Throttle(ThrottleCause.RateLimited, result.Error?.RetryAfter);
                break;
            case { Status: 503 }:
                budget.Throttle(ThrottleCause.Unavailable);
                break;
            case { Status: null, Error.Action: FetchErrorAction.Retry }:
                budget.Throttle(ThrottleCause.NoAnswer);
                break;
            case { Error: null }:
                budget.Succeeded();
                break;
        }
    }
}
